export default definePageConfig({ navigationBarTitleText: '教师与邀请码' });
