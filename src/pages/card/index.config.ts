export default definePageConfig({ navigationBarTitleText: '股东积分卡' })
