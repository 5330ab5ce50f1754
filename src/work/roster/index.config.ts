export default definePageConfig({ navigationBarTitleText: '名册与绑定' })
