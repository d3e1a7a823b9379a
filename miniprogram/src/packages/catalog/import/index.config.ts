export default definePageConfig({ navigationBarTitleText: '导入学校与集团' });
