/**
 * The legacy site's pager, as data: `141-160/1839 记录 8/92 页 首页 上一页 1 ... 5 6 7 8 9 10 11 ... 92
 * 下一页 尾页`. Pages within ±WINDOW of the current one are listed, the first and last always; an
 * ellipsis stands only for two or more hidden pages (hiding one page behind "..." saves nothing).
 */
export const PAGER_WINDOW = 3;

export type PagerItem =
  { kind: 'first' | 'prev' | 'next' | 'last'; page: number | null } | { kind: 'number'; page: number; current: boolean } | { kind: 'gap' };

export interface Pager {
  /** First and last record on this page, 1-based (0 and 0 when there are none). */
  from: number;
  to: number;
  total: number;
  page: number;
  pageCount: number;
  items: PagerItem[];
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function buildPager(page: number, total: number, pageSize: number): Pager {
  const count = pageCount(total, pageSize);
  if (!Number.isInteger(page) || page < 1 || page > count) {
    throw new RangeError(`page ${page} is outside 1..${count}`);
  }
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  const items: PagerItem[] = [
    { kind: 'first', page: page > 1 ? 1 : null },
    { kind: 'prev', page: page > 1 ? page - 1 : null },
    ...numberItems(page, count),
    { kind: 'next', page: page < count ? page + 1 : null },
    { kind: 'last', page: page < count ? count : null },
  ];
  return { from, to, total, page, pageCount: count, items };
}

function numberItems(page: number, count: number): PagerItem[] {
  let start = Math.max(1, page - PAGER_WINDOW);
  let end = Math.min(count, page + PAGER_WINDOW);
  if (start === 3) start = 2;
  if (end === count - 2) end = count - 1;
  const numbers: number[] = [];
  if (start > 1) numbers.push(1);
  for (let n = start; n <= end; n++) numbers.push(n);
  if (end < count) numbers.push(count);
  const items: PagerItem[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) items.push({ kind: 'gap' });
    items.push({ kind: 'number', page: n, current: n === page });
  });
  return items;
}
