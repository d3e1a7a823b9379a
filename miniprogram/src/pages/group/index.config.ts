export default definePageConfig({
  navigationBarTitleText: '教育集团',
});
