export default definePageConfig({ navigationBarTitleText: '调整所属集团' });
