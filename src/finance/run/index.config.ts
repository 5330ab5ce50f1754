export default definePageConfig({ navigationBarTitleText: '分红方案' })
