export default definePageConfig({ navigationBarTitleText: '交流轮岗公示' });
