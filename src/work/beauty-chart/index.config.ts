export default definePageConfig({ navigationBarTitleText: '美丽积分图' })
