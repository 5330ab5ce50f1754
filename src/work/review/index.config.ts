export default definePageConfig({ navigationBarTitleText: '待我审核' })
