export default definePageConfig({
  navigationBarTitleText: '教育集团',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
