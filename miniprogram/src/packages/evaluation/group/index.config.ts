export default definePageConfig({ navigationBarTitleText: '集团评价报告' });
