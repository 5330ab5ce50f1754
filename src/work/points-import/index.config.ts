export default definePageConfig({ navigationBarTitleText: '纸质积分导入' })
