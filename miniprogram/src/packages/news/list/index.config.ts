export default definePageConfig({ navigationBarTitleText: '我的动态', enablePullDownRefresh: true, onReachBottomDistance: 80 });
