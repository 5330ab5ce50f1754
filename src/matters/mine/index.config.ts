export default definePageConfig({ navigationBarTitleText: '我的议事' })
