export default definePageConfig({ navigationBarTitleText: '农户信息' })
