export default defineAppConfig({
  pages: ['pages/home/index', 'pages/school/index', 'pages/group/index'],
  // news, rotation, surveys and admin will arrive as subPackages to keep the main package small.
  window: {
    navigationBarTitleText: '集团化办学',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
});
