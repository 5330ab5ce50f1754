export default definePageConfig({ navigationBarTitleText: '我的评分记录' })
