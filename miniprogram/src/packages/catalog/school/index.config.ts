export default definePageConfig({ navigationBarTitleText: '编辑学校' });
