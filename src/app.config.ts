export default defineAppConfig({
  // The main package holds the tab pages only: everything else loads on first use (WeChat fetches a
  // subpackage when one of its pages opens), so a villager's first start downloads the least. The
  // once-in-a-while pages keep their paths under pages/ as subpackages of their own, so shared links,
  // posters' codes and message pages stay valid.
  pages: ['pages/home/index', 'pages/ledger/index', 'pages/ranking/index', 'pages/mine/index'],
  subPackages: [
    { root: 'pages/card', name: 'card', pages: ['index'] },
    // 整改通报: the village's groups, one group's channel, one notice (shared links open it), 我的消息, 通报栏.
    { root: 'pages/notices', name: 'notices', pages: ['index', 'channel', 'detail', 'messages', 'bulletin'] },
    { root: 'pages/bind', name: 'bind', pages: ['index'] },
    { root: 'pages/claim', name: 'claim', pages: ['index'] },
    { root: 'pages/appeal', name: 'appeal', pages: ['index'] },
    { root: 'pages/requests', name: 'requests', pages: ['index'] },
    { root: 'pages/rules', name: 'rules', pages: ['index'] },
    { root: 'pages/dividend', name: 'dividend', pages: ['index'] },
    { root: 'pages/dividend-list', name: 'dividend-list', pages: ['index'] },
    { root: 'pages/privacy', name: 'privacy', pages: ['index'] },
    // 门牌: what a door plate's QR opens (WeChat's camera opens it from the plate's link).
    { root: 'pages/plate', name: 'plate', pages: ['index'] },
    { root: 'finance', pages: ['dividend/index', 'run/index'] },
    {
      root: 'work',
      pages: [
        'households/index', 'roster/index', 'roster/household',
        'inspect/index', 'walk-queue/index', 'inspections/index', 'review/index', 'household-ledger/index', 'beauty-chart/index', 'rules-editor/index',
        'notice-verify/index', 'notice-post/index', 'notice-stats/index', 'village-settings/index', 'points-import/index', 'plates/index',
      ],
    },
    { root: 'shop', pages: ['redeem/index', 'summary/index', 'receipt/index', 'goods/index'] },
    { root: 'org', pages: ['join/index', 'tree/index', 'tree-import/index', 'people/index', 'audit/index'] },
    // 连心议站: villagers and staff alike (raise, mine, the boards, one matter, the work list, the numbers).
    { root: 'matters', pages: ['raise/index', 'mine/index', 'board/index', 'detail/index', 'work/index', 'numbers/index'] },
    // 街道总览: the street's admin, read-only.
    { root: 'street', pages: ['overview/index'] },
    // 善治贷: the household's 积分证明, the bank officer's 核验 and 本行规则.
    { root: 'credit', pages: ['certificate/index', 'verify/index', 'terms/index'] },
    // 我的信息: what the app holds about me and my household, its export and 解除绑定 (kept out of the main package).
    { root: 'personal', pages: ['data/index'] },
    // 商家自治联盟: the public 红黑榜 and 表彰榜, the committee's 商家联盟 page, 培训签到 (a merchant's owner scans the session's code),
    // 商家排行 (the alliance's merchants by points, for its people), 评星标准 (readable by anyone, the committee publishes).
    { root: 'merchant', pages: ['board/index', 'alliance/index', 'sign-in/index', 'commendations/index', 'ranking/index', 'star-terms/index'] },
  ],
  // Fetched in the background once the page shows, for the step a person most likely takes next.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['card', 'notices'] },
    'pages/ledger/index': { network: 'all', packages: ['appeal', 'claim'] },
    'pages/mine/index': { network: 'all', packages: ['rules', 'requests', 'privacy'] },
    'pages/dividend/index': { network: 'all', packages: ['dividend-list'] },
  },
  window: {
    navigationBarTitleText: '善治积分',
    // 'default' is the mini-program's own bar; in H5 it makes Taro draw a title bar with a back button.
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#0b5d3b',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f1ea',
  },
  // Text-only tab bar: WeChat allows tab items without iconPath.
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#0b5d3b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/ledger/index', text: '明细' },
      { pagePath: 'pages/ranking/index', text: '排行' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
})
