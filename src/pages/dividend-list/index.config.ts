export default definePageConfig({ navigationBarTitleText: '分红公示' })
