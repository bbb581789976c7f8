import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../../src/lib/search/excerpt.ts';

const map = { 發: '发', 貨: '货' };
const show = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('buildExcerpt', () => {
  it.each([
    ['marks every occurrence in the window', '卖家不发货，买家催发货。', ['发货'], 20, '卖家不[发货]，买家催[发货]。'],
    ["marks in the reader's script, matching folded text", '賣家不發貨。', ['发货'], 20, '賣家不[發貨]。'],
    ['is case-blind for Latin words', '新版App上线', ['app'], 20, '新版[App]上线'],
    ['cuts around the first match with ellipses', '一二三四五六七八九十发货十九八七六五四三二一', ['发货'], 3, '…八九十[发货]十九八七…'],
    ['starts at the beginning when nothing matches', '一二三四五六', ['发货'], 2, '一二三四…'],
    ['marks several parts', '淘宝卖家发货', ['淘宝', '发货'], 20, '[淘宝]卖家[发货]'],
  ])('%s', (_, text, needles, radius, expected) => {
    expect(show(buildExcerpt(text, needles, map, radius))).toBe(expected);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'𠀋'.repeat(10)}发货${'𠀋'.repeat(10)}`;
    for (const part of buildExcerpt(text, ['发货'], map, 3)) expect(part.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});
