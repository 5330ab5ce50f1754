export default definePageConfig({ navigationBarTitleText: '发布整改通报' })
