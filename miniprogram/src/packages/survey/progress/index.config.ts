export default definePageConfig({ navigationBarTitleText: '各校回收进度' });
