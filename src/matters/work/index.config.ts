export default definePageConfig({ navigationBarTitleText: '议事待办' })
