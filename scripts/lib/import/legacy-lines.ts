/**
 * The line shapes of the old site's listing pages. Labels are matched in simplified script, so
 * the traditional pages (`推薦商家更多`, `記錄`, `頁`) need no patterns of their own.
 */
import { toSimplified } from '../../../src/lib/convert/opencc.ts';

/**
 * `[source]YYYY-MM-DD HH:MM:SS<views> 次`: the seconds are two digits, the views follow (after a
 * space in some scrapes). The source is a name (一起惠返利网), with no sentence's punctuation: an
 * article's text that happens to end in a date and "次" has some, and stays text.
 */
export const META_LINE = /^([^。,，、;；:：!！?？]{0,80}?)\s*(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})\s*(\d+)\s*次$/u;
/** Something that tries to be a meta line (a date and 次 after a name at most) without the right shape. */
export const META_LIKE = /^[^。,，、;；:：!！?？]{0,80}\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}.{0,20}次$/u;
export const BREADCRUMB = /^当前位置[:\uFF1A](.*)$/u;
/** The pager, whole (`141-160/1839 记录8/92 页首页上一页…`) or its first piece when laid over several lines. */
export const PAGER = /^(?:\d+-\d+\/\d+\s*记录|\d+\/\d+\s*页|首页\s*上一页)/u;
/** Sidebar headings, with or without their `更多` link (which may also stand on a line of its own). */
export const SIDEBAR_HEADINGS = {
  merchants: /^推荐商家\s*(更多)?$/u,
  weeklyNews: /^每周热门资讯\s*(更多)?$/u,
  weeklyRanking: /^一周热门排行\s*(更多)?$/u,
} as const;
export const MORE_LINK = /^更多$/u;
/** `最高返利56%`, or `京东商城 最高返利56%` with the merchant's name on the same line. */
export const REBATE = /^(.*?)\s*最高返利\s*([\d.]+%)$/u;

export type SidebarKind = keyof typeof SIDEBAR_HEADINGS;

/** A structural label in simplified script, for matching only (article text is never folded). */
export const label = (line: string): string => toSimplified(line.normalize('NFKC').trim());

export function sidebarKind(line: string): SidebarKind | undefined {
  const folded = label(line);
  return (Object.keys(SIDEBAR_HEADINGS) as SidebarKind[]).find((kind) => SIDEBAR_HEADINGS[kind].test(folded));
}

/** The channel named by a breadcrumb `首页>一起惠资讯>经营>文章列表`, as written. */
export function breadcrumbChannel(line: string): string | undefined {
  const crumbs = BREADCRUMB.exec(line.normalize('NFKC').trim())?.[1]
    ?.split('>')
    .map((c) => c.trim());
  if (!crumbs) return undefined;
  if (label(crumbs.at(-1) ?? '') === '文章列表') crumbs.pop();
  return crumbs.length >= 2 ? crumbs.at(-1) : undefined;
}
