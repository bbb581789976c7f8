import { describe, expect, it } from 'vitest';
import { planQuery } from '../../src/lib/search/query.ts';
import { encodeHan as e } from '../../src/lib/search/tokens.ts';

const map = { 發: '发', 貨: '货' };

describe('planQuery (bigram)', () => {
  it.each([
    ['发货', [e('发') + e('货')], ['发货']],
    ['發貨', [e('发') + e('货')], ['发货']],
    ['延迟发货', [`"${e('延') + e('迟')} ${e('迟') + e('发')} ${e('发') + e('货')}"`], ['延迟发货']],
    ['淘宝 发货', [e('淘') + e('宝'), e('发') + e('货')], ['淘宝', '发货']],
    ['淘宝，发货', [e('淘') + e('宝'), e('发') + e('货')], ['淘宝', '发货']],
    ['618大促', [`"618 ${e('大') + e('促')}"`], ['618大促']],
    ['SKU', ['sku'], ['sku']],
    ['App 下载', ['app', e('下') + e('载')], ['app', '下载']],
    ['货', [e('货')], ['货']],
    ['618货', ['618', e('货')], ['618货']],
    ['发货 发货', [e('发') + e('货')], ['发货', '发货']],
    ['', [], []],
    ['，。！', [], []],
  ])('%s', (query, searches, needles) => {
    expect(planQuery(query, map, 'bigram')).toEqual({ searches, needles });
  });
});

describe('planQuery (pagefind)', () => {
  it('hands Pagefind the folded words as typed', () => {
    expect(planQuery('發貨 SKU', map, 'pagefind')).toEqual({ searches: ['发货 sku'], needles: ['发货', 'sku'] });
  });
});
