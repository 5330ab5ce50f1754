export default definePageConfig({ navigationBarTitleText: '商家排行' })
