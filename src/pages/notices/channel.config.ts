export default definePageConfig({ navigationBarTitleText: '组里的整改通报' })
