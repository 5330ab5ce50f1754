export default definePageConfig({ navigationBarTitleText: '印门牌' })
