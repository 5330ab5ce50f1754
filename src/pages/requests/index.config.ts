export default definePageConfig({ navigationBarTitleText: '我的申报和申诉' })
