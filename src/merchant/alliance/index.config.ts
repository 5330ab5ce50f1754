export default definePageConfig({ navigationBarTitleText: '商家联盟' })
