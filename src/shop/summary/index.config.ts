export default definePageConfig({ navigationBarTitleText: '兑换汇总' })
