export default definePageConfig({ navigationBarTitleText: '评价轮次' });
