export default definePageConfig({ navigationBarTitleText: '我家的分红' })
