export default definePageConfig({
  navigationBarTitleText: '找学校',
  onReachBottomDistance: 100,
});
