/** The sitemap's order: the sitemap package's, and one order for any order the pages come in. */
import { describe, expect, it } from 'vitest';
import { sitemapOrder } from '../../src/lib/sitemap-order.ts';

describe('sitemapOrder', () => {
  it("sorts as the sitemap package does: numbers by their value, whatever the script's case", () => {
    expect(['a-10/', 'a-9/', 'B/', 'a-2/'].sort(sitemapOrder)).toEqual(['a-2/', 'a-9/', 'a-10/', 'B/']);
  });

  it('gives one order to paths that numeric collation calls equal, however they come', () => {
    const tied = ['articles/x-00r7/', 'articles/x-0r07/', 'articles/x-r7/', 'articles/x-0r7/'];
    const expected = [...tied].sort(sitemapOrder);
    expect([...tied].reverse().sort(sitemapOrder)).toEqual(expected);
    expect([tied[2]!, tied[0]!, tied[3]!, tied[1]!].sort(sitemapOrder)).toEqual(expected);
  });
});
