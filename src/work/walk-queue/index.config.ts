export default definePageConfig({ navigationBarTitleText: '待上传的评分' })
