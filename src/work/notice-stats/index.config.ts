export default definePageConfig({ navigationBarTitleText: '整改统计' })
