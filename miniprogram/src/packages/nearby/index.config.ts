export default definePageConfig({ navigationBarTitleText: '附近的学校' });
