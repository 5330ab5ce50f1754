export default definePageConfig({ navigationBarTitleText: '善治积分' })
