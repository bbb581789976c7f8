import { describe, expect, it } from 'vitest';
import { buildPager, pageCount, type Pager } from '../../src/lib/pager.ts';

/** The pager as the legacy site printed it, with the current page in [brackets]. */
function legacyText(p: Pager): string {
  const words = { first: '首页', prev: '上一页', next: '下一页', last: '尾页' } as const;
  const items = p.items.map((item) => {
    if (item.kind === 'gap') return '...';
    if (item.kind === 'number') return item.current ? `[${item.page}]` : String(item.page);
    return item.page === null ? `(${words[item.kind]})` : words[item.kind];
  });
  return `${p.from}-${p.to}/${p.total} 记录 ${p.page}/${p.pageCount} 页 ${items.join(' ')}`;
}

describe('buildPager', () => {
  it.each([
    // The two legacy pages, as scraped.
    [8, 1839, '141-160/1839 记录 8/92 页 首页 上一页 1 ... 5 6 7 [8] 9 10 11 ... 92 下一页 尾页'],
    [2, 139, '21-40/139 记录 2/7 页 首页 上一页 1 [2] 3 4 5 6 7 下一页 尾页'],
    // Edges: first and last pages disable their end of the pager.
    [1, 1839, '1-20/1839 记录 1/92 页 (首页) (上一页) [1] 2 3 4 ... 92 下一页 尾页'],
    [92, 1839, '1821-1839/1839 记录 92/92 页 首页 上一页 1 ... 89 90 91 [92] (下一页) (尾页)'],
    [5, 1839, '81-100/1839 记录 5/92 页 首页 上一页 1 2 3 4 [5] 6 7 8 ... 92 下一页 尾页'],
    [6, 1839, '101-120/1839 记录 6/92 页 首页 上一页 1 2 3 4 5 [6] 7 8 9 ... 92 下一页 尾页'],
    [7, 1839, '121-140/1839 记录 7/92 页 首页 上一页 1 ... 4 5 6 [7] 8 9 10 ... 92 下一页 尾页'],
    [88, 1839, '1741-1760/1839 记录 88/92 页 首页 上一页 1 ... 85 86 87 [88] 89 90 91 92 下一页 尾页'],
    [1, 0, '0-0/0 记录 1/1 页 (首页) (上一页) [1] (下一页) (尾页)'],
    [1, 20, '1-20/20 记录 1/1 页 (首页) (上一页) [1] (下一页) (尾页)'],
    [1, 21, '1-20/21 记录 1/2 页 (首页) (上一页) [1] 2 下一页 尾页'],
    [2, 21, '21-21/21 记录 2/2 页 首页 上一页 1 [2] (下一页) (尾页)'],
    [7, 139, '121-139/139 记录 7/7 页 首页 上一页 1 ... 4 5 6 [7] (下一页) (尾页)'],
  ])('page %i of %i records', (page, total, expected) => {
    expect(legacyText(buildPager(page, total, 20))).toBe(expected);
  });

  it('counts pages, with one page for an empty channel', () => {
    expect([0, 1, 20, 21, 139, 1839].map((n) => pageCount(n, 20))).toEqual([1, 1, 1, 2, 7, 92]);
  });

  it('refuses a page outside the channel', () => {
    expect(() => buildPager(3, 21, 20)).toThrow(RangeError);
    expect(() => buildPager(0, 21, 20)).toThrow(RangeError);
  });
});
