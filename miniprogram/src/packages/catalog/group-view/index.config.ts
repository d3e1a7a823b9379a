export default definePageConfig({ navigationBarTitleText: '本集团学校' });
