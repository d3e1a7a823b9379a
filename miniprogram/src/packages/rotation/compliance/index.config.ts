export default definePageConfig({ navigationBarTitleText: '轮岗达标情况' });
