import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/lib/markdown/index.ts';

const MARKER = '-{zh-hans:信息;zh-hant:資訊}-';
const graphemes = (s: string) => [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(s)].length;

describe('summarize', () => {
  it.each([
    ['short text is kept whole', '一二三四五', 5, '一二三四五'],
    ['whitespace, newlines included, collapses', '  标题\n正文，  结尾。 ', 20, '标题 正文， 结尾。'],
    ['cuts after a sentence end', '一二三四五。六七八九十。甲乙丙丁戊。', 12, '一二三四五。…'],
    ['a clause end gives way to the ellipsis', '一二三四五六，七八九十甲乙丙丁戊己庚辛', 12, '一二三四五六…'],
    ['a sentence end beats a later clause end', '一二三四五六。七八，九十甲乙丙丁戊己', 12, '一二三四五六。…'],
    ['？ ends a sentence', '你真的知道吗？七八九十甲乙丙丁戊', 12, '你真的知道吗？…'],
    ['！ ends a sentence', '一二三四五六！七八九十甲乙丙丁戊', 12, '一二三四五六！…'],
    ['； ends a clause', '一二三四五六；七八九十甲乙丙丁戊己庚辛', 12, '一二三四五六…'],
    [
      'an ASCII comma ends a clause (legacy text)',
      '在移动互联网时代,社群经济成为热点,圈子你我通过二维码',
      20,
      '在移动互联网时代,社群经济成为热点…',
    ],
    ['a break in the first half of the room is too early', '一二。三四五六七八九十甲乙丙丁戊己庚辛', 12, '一二。三四五六七八九十…'],
    ['no break: cut between characters', 'abcdefghijklmnop', 10, 'abcdefghi…'],
    ['a thousands comma is no clause end', '甲乙丙丁戊己庚1,000辛壬癸子丑寅卯辰', 14, '甲乙丙丁戊己庚1,000辛…'],
    ['never splits a surrogate pair', '𠮷'.repeat(20), 10, `${'𠮷'.repeat(9)}…`],
    ['never splits an emoji sequence', '👨‍👩‍👧'.repeat(10), 5, `${'👨‍👩‍👧'.repeat(4)}…`],
    ['never cuts inside a protection marker', `甲乙丙丁戊己，${MARKER}庚辛壬癸`, 20, '甲乙丙丁戊己…'],
    // The marker is 25 characters long, so 14 more fit before the ellipsis.
    ["a marker's ; is no clause end", `${MARKER}${'甲'.repeat(30)}`, 40, `${MARKER}${'甲'.repeat(14)}…`],
    ['a marker that fits is kept whole', `${MARKER}。${'甲'.repeat(30)}`, 40, `${MARKER}。…`],
  ])('%s', (_name, text, maxChars, expected) => {
    expect(summarize(text, maxChars)).toBe(expected);
  });

  it('defaults to 120 characters', () => {
    const text = '电商平台的竞争日趋激烈'.repeat(30);
    expect(graphemes(summarize(text))).toBe(120);
    expect(summarize('短文。')).toBe('短文。');
  });

  it.each([10, 37, 80, 120])('never exceeds %i characters and keeps a prefix of the text', (maxChars) => {
    const text =
      `社群电商运营案例，拥有一个商家自己的垂直电商平台。${MARKER}在移动互联网时代,社群经济成为热点!圈子你我通过二维码链接品牌商、消费者用户😀、销售代理。`.repeat(
        3,
      );
    const summary = summarize(text, maxChars);
    expect(graphemes(summary)).toBeLessThanOrEqual(maxChars);
    expect(summary.endsWith('…')).toBe(true);
    expect(text).toContain(summary.slice(0, -1).replace(/[，,；]$/, ''));
  });

  it.each([0, -1, 1.5])('rejects maxChars %s', (maxChars) => {
    expect(() => summarize('文字', maxChars)).toThrow(RangeError);
  });
});
