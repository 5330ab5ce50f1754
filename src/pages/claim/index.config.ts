export default definePageConfig({ navigationBarTitleText: '申报加分' })
