export default definePageConfig({ navigationBarTitleText: '核验积分证明' })
