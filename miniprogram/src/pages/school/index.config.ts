export default definePageConfig({
  navigationBarTitleText: '学校',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
