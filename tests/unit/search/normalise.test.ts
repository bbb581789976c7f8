import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';
import { buildScriptMap, normalise } from '../../../src/lib/search/normalise.ts';

const map = buildScriptMap(toSimplified);

describe('buildScriptMap', () => {
  it.each([
    ['發', '发'],
    ['貨', '货'],
    ['寶', '宝'],
    ['賣', '卖'],
    // Both forms of 里, though the converter writes only 裡.
    ['裡', '里'],
    ['裏', '里'],
  ])('maps %s to %s', (from, to) => expect(map[from]).toBe(to));

  it.each([
    // 麼 converts to 么, and 么 to 幺: one class, which a query in either script meets.
    ['什麼', '什么'],
    // Forms the zh-Hant pages show only inside words (phrase-folds.ts).
    ['瞭解', '了解'],
    ['反覆', '反复'],
    ['座標', '坐标'],
  ])('folds %s as it folds %s', (shown, simplified) => {
    expect(normalise(shown, map)).toBe(normalise(simplified, map));
  });

  it('folds each character to the end of its class in one step', () => {
    for (const to of Object.values(map)) expect(map[to]).toBeUndefined();
  });

  it('holds only Han characters that change, never punctuation or simplified ones', () => {
    expect(Object.keys(map)).not.toContain('，');
    expect(Object.keys(map)).not.toContain('发');
    for (const [from, to] of Object.entries(map)) expect(from).not.toBe(to);
  });
});

describe('normalise', () => {
  it.each([
    ['發貨', '发货'],
    ['淘寶賣家', '淘宝卖家'],
    ['ＳＫＵ和ａｐｐ', 'sku和app'],
    ['６１８大促', '618大促'],
    ['iPhone', 'iphone'],
    ['未知字𠀋', '未知字𠀋'],
    ['Café Müller İstanbul', 'cafe muller istanbul'],
    // Accents are Latin letters' only: kana keep their voicing marks, Hangul its syllables.
    ['がんばる 한국어', 'がんばる 한국어'],
  ])('%s → %s', (text, folded) => expect(normalise(text, map)).toBe(folded));

  it.each(['發貨時間', 'ＳＫＵ', 'ﬁ 𠀋 ß İ ㈠ ½', '淘宝 App 618'])('keeps the length of %s unit for unit', (text) => {
    expect(normalise(text, map)).toHaveLength(text.length);
  });

  it('folds a text longer than one chunk of units whole, lone surrogates kept as they are', () => {
    const text = '發貨ＳＫＵ\ud800x\udc00'.repeat(2_000);
    const folded = normalise(text, map);
    expect(folded).toBe('发货sku\ud800x\udc00'.repeat(2_000));
  });

  it('folds by the map it is given, not one given before', () => {
    expect(normalise('發', map)).toBe('发');
    expect(normalise('發', {})).toBe('發');
  });
});
