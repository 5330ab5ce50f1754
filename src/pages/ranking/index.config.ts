export default definePageConfig({ navigationBarTitleText: '村排行' })
