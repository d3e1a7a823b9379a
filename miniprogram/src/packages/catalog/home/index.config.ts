export default definePageConfig({ navigationBarTitleText: '学校与集团' });
