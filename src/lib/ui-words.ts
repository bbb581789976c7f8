/**
 * Words the site itself prints, written once in simplified script; the zh-Hant variant converts
 * them with the same converter as the articles (so 首页 becomes 首頁 by the same rules).
 */
export const UI = {
  home: '首页',
  articleList: '文章列表',
  breadcrumbLead: '当前位置:',
  records: '记录',
  pages: '页',
  first: '首页',
  prev: '上一页',
  next: '下一页',
  last: '尾页',
  views: '次',
  viewsLabel: '浏览',
  source: '来源',
  channels: '频道',
  channelNav: '频道导航',
  pagerLabel: '分页',
  merchants: '推荐商家',
  topRebate: '最高返利',
  weeklyHot: '每周热门资讯',
  weeklyRanking: '一周热门排行',
  prevArticle: '上一篇',
  nextArticle: '下一篇',
  related: '相关文章',
  latest: '最新文章',
  allChannels: '全部频道',
  more: '更多',
  skipToContent: '跳到正文',
  search: '搜索',
  searchPlaceholder: '搜索文章',
  notFoundTitle: '页面不存在',
  notFoundText: '您要找的页面不存在或已移动。',
  backHome: '返回首页',
  switchTo: '切换到',
  offerBefore: '本页有',
  offerAfter: '中文版，要切换吗？',
  offerAccept: '切换',
  offerDismiss: '不用了',
  articlesCount: '篇文章',
  none: '暂无文章',
} as const;

export type UiKey = keyof typeof UI;
export type UiWords = Record<UiKey, string>;
