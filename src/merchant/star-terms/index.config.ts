export default definePageConfig({ navigationBarTitleText: '评星标准' })
