import { describe, expect, it } from 'vitest';
import { planQuery } from '../../../src/lib/search/query.ts';
import { hanToken as t } from '../../../src/lib/search/tokens.ts';

const map = { 發: '发', 貨: '货' };

describe('planQuery (bigram)', () => {
  it.each([
    ['发货', [`"${t('发货')}"`], ['发货']],
    ['發貨', [`"${t('发货')}"`], ['发货']],
    ['延迟发货', [`"${t('延迟')} ${t('迟发')} ${t('发货')}"`], ['延迟发货']],
    ['淘宝 发货', [`"${t('淘宝')}"`, `"${t('发货')}"`], ['淘宝', '发货']],
    ['淘宝，发货', [`"${t('淘宝')}"`, `"${t('发货')}"`], ['淘宝', '发货']],
    ['618大促', [`"618 ${t('大促')}"`], ['618大促']],
    ['SKU', ['sku'], ['sku']],
    ['App 下载', ['app', `"${t('下载')}"`], ['app', '下载']],
    // A Han run before another run ends in its last character, as the index writes it.
    ['京东618', [`"${t('京东')} ${t('东')} 618"`], ['京东618']],
    // A text word starting as a token does (1, 0) is escaped (tokens.ts).
    ['天猫双11', [`"${t('天猫')} ${t('猫双')} ${t('双')} 1z1"`], ['天猫双11']],
    ['双11', [`"${t('双')} 1z1"`], ['双11']],
    ['京\u200b东', [`"${t('京东')}"`], ['京东']],
    ['货', [t('货')], ['货']],
    ['618货', ['618', t('货')], ['618货']],
    ['发货 发货', [`"${t('发货')}"`], ['发货', '发货']],
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
