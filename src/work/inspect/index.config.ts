export default definePageConfig({ navigationBarTitleText: '入户评分' })
