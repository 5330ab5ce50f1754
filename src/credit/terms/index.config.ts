export default definePageConfig({ navigationBarTitleText: '本行规则' })
