export default definePageConfig({ navigationBarTitleText: '文字审核' });
