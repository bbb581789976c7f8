/** Related articles: by the rarest words their titles share, across scripts. */
import { describe, expect, it } from 'vitest';
import { relatedArticles, relatedByTitle } from '../../../src/lib/archive/related.ts';

describe('relatedByTitle', () => {
  it('relates titles sharing a two-character word, those sharing more first', () => {
    const titles = ['淘宝直播带货', '拼多多直播带货', '社群团购', '淘宝开店', '社群运营'];
    expect(relatedByTitle(titles, 3)).toEqual([[1, 3], [0], [4], [0], [2]]);
  });

  it('gives no article itself and at most `count`, ties to the newer (the lower index)', () => {
    const titles = ['电商物流', '电商物流', '电商物流', '电商物流'];
    expect(relatedByTitle(titles, 2)).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('relatedArticles', () => {
  it('compares a traditional title with the simplified ones', () => {
    const articles = [
      // 电商 and 電商 are one word: only the conversion shows it.
      { lang: 'zh-Hans' as const, title: '跨境电商新规' },
      { lang: 'zh-Hant' as const, title: '直播電商報告' },
      { lang: 'zh-Hans' as const, title: '社群团购' },
    ];
    expect(relatedArticles(articles, 5)).toEqual([[1], [0], []]);
  });
});
