export default defineAppConfig({
  pages: ['pages/home/index', 'pages/school/index', 'pages/group/index'],
  // Everything past looking up a school lives in subpackages, keeping the main package small.
  subPackages: [
    { root: 'packages/me', pages: ['index', 'privacy/index'] },
    { root: 'packages/admin', pages: ['teachers/index'] },
    {
      root: 'packages/survey',
      pages: [
        'list/index',
        'answer/index',
        'results/index',
        'admin/index',
        'enrollment/index',
        'progress/index',
        'builder/index',
        'moderation/index',
      ],
    },
    { root: 'packages/news', pages: ['list/index', 'detail/index', 'admin/index', 'admin/edit/index'] },
    { root: 'packages/evaluation', pages: ['rounds/index', 'round/index', 'group/index'] },
    {
      root: 'packages/rotation',
      pages: ['list/index', 'detail/index', 'mine/index', 'objection/index', 'admin/index', 'compliance/index', 'my-objections/index'],
    },
    {
      root: 'packages/catalog',
      pages: ['home/index', 'school/index', 'group/index', 'move/index', 'import/index', 'group-view/index'],
    },
    { root: 'packages/nearby', pages: ['index'] },
  ],
  // 在地图上选点 on the school form (district admins) and 附近的学校 (getLocation, gcj02); WeChat runs its privacy check before both.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '你的位置仅用于查找附近的学校，不会被保存' } },
  window: {
    navigationBarTitleText: '集团化办学',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
});
