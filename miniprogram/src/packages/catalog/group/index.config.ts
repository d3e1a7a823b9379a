export default definePageConfig({ navigationBarTitleText: '编辑集团' });
