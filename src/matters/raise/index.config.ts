export default definePageConfig({ navigationBarTitleText: '我要议事' })
