export default definePageConfig({ navigationBarTitleText: '整改通报', enableShareAppMessage: true })
