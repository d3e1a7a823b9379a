export default definePageConfig({ navigationBarTitleText: '在校家庭数' });
