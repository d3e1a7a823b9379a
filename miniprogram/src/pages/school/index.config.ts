export default definePageConfig({
  navigationBarTitleText: '学校',
});
