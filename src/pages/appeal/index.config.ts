export default definePageConfig({ navigationBarTitleText: '扣分申诉' })
