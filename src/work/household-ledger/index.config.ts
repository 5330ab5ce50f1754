export default definePageConfig({ navigationBarTitleText: '农户积分明细' })
