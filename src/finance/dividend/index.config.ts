export default definePageConfig({ navigationBarTitleText: '年度分红' })
