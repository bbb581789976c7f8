/**
 * The tokens must give exact-substring semantics: a query part's tokens occur adjacent and in order
 * in a text's tokens exactly when the text contains the query (its letters as whole words). Checked
 * against a search of the text on random texts over a small alphabet (so that near misses such as
 * 发…货 are frequent).
 */
import { describe, expect, it } from 'vitest';
import { encodeHan, hanToken, indexTokens, isHanToken, partTokens, runsOf } from '../../../src/lib/search/tokens.ts';
import { seededRandom } from './corpus.ts';

/** Does `needle` occur as a contiguous sequence in `hay`? (a lone token may be a prefix, as in Pagefind) */
function phraseIn(hay: string[], needle: string[]): boolean {
  if (needle.length === 1) return hay.some((t) => t.startsWith(needle[0]!));
  return hay.some((_, i) => needle.every((t, j) => hay[i + j] === t));
}

describe('encodeHan', () => {
  it('is four base-36 digits and tells characters apart', () => {
    const chars = ['一', '发', '货', '龥', '㐀', '𠀋', '𪚥', '\u{10FFFF}'];
    const codes = chars.map(encodeHan);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}$/);
    expect(new Set(codes).size).toBe(chars.length);
  });
});

describe('runsOf', () => {
  it.each([
    [
      '淘宝618大促',
      [
        ['han', '淘宝'],
        ['word', '618'],
        ['han', '大促'],
      ],
    ],
    [
      '卖家，发货',
      [
        ['han', '卖家'],
        ['han', '发货'],
      ],
    ],
    [
      'sku app',
      [
        ['word', 'sku'],
        ['word', 'app'],
      ],
    ],
    [
      '한국어 中文',
      [
        ['word', '한국어'],
        ['han', '中文'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(runsOf(text).map((r) => [r.kind, r.kind === 'han' ? r.chars.join('') : r.text])).toEqual(expected);
  });
});

describe('indexTokens and partTokens', () => {
  it("keep Han tokens apart from the text's own words, even words of the same shape or a token's start", () => {
    const lookalike = hanToken('文');
    expect(indexTokens(`sku 0fe8 中文 ${lookalike} 00 1688 2019`).split(' ')).toEqual([
      'sku',
      '0zfe8',
      hanToken('中文'),
      hanToken('文'),
      `0z${lookalike.slice(1)}`,
      '0z0',
      '1z688',
      '2019',
    ]);
    expect(partTokens(runsOf(lookalike))).toEqual({ phrase: [`0z${lookalike.slice(1)}`] });
    // No text word starts a token: Pagefind, finding no word a token starts, would search the
    // longest indexed word that starts the token (00 for a character no article has).
    const words = indexTokens('00 0 1 0.5 1688 00后')
      .split(' ')
      .filter((w) => !isHanToken(w));
    for (const token of [hanToken('鸵'), hanToken('鸵鸟'), indexTokens('한국')])
      for (const word of words) expect(token.startsWith(word)).toBe(false);
  });

  it('writes words of letters beyond ASCII as codes, matched as written and as prefixes', () => {
    const [korean, german] = indexTokens('한국어 straße').split(' ');
    expect(korean).toBe(`1${[...'한국어'].map(encodeHan).join('')}`);
    expect(german).toBe(`1${[...'straße'].map(encodeHan).join('')}`);
    expect(indexTokens('한국어 straße')).toMatch(/^[0-9a-z ]+$/);
    expect(korean!.startsWith(partTokens(runsOf('한국')).phrase[0]!)).toBe(true);
    // A text word of a coded word's shape is escaped like one of a Han token's.
    const lookalike = korean!.slice(0, 5);
    expect(indexTokens(lookalike)).toBe(`1z${lookalike.slice(1)}`);
    expect(indexTokens('1688 sku')).toBe('1z688 sku');
  });

  it('reads a word with a zero-width space, a joiner or a soft hyphen pasted inside it as the word', () => {
    expect(indexTokens('淘\u200b宝直\u00ad播 i\u2060Phone\ufeff')).toBe(indexTokens('淘宝直播 iPhone'));
    // A direction mark, a variation selector (one outside the Basic Multilingual Plane too).
    expect(indexTokens('闲\u200e鱼 葛\u{E0100}城 京\ufe0f东')).toBe(indexTokens('闲鱼 葛城 京东'));
    expect(partTokens(runsOf('京\u200d东618'))).toEqual(partTokens(runsOf('京东618')));
    // Between words they part nothing either: 淘宝\u200b618 is 淘宝618.
    expect(indexTokens('淘宝\u200b618')).toBe(indexTokens('淘宝618'));
  });

  it('finds 发货 in 淘宝卖家延迟发货 but not in 记者发现货车', () => {
    const { phrase } = partTokens(runsOf('发货'));
    expect(phraseIn(indexTokens('淘宝卖家延迟发货').split(' '), phrase)).toBe(true);
    expect(phraseIn(indexTokens('记者发现货车').split(' '), phrase)).toBe(false);
  });

  it('agrees with a search of the text on 3,000 random texts and queries of Han characters and words', () => {
    const alphabet = [...'发货现车卖家', 'a', 'b', ' ', '，'];
    const next = seededRandom(7);
    const pick = (n: number, from = alphabet) => Array.from({ length: n }, () => from[Math.floor(next() * from.length)]).join('');
    let found = 0;
    let mixed = 0;
    for (let i = 0; i < 3000; i++) {
      const text = pick(12);
      // One part per query (Han characters and letters, nothing between): a query of several
      // parts is several searches (see query.ts).
      const query = pick(1 + Math.floor(next() * 4), alphabet.slice(0, 8));
      const { phrase, prefix } = partTokens(runsOf(query));
      const tokens = indexTokens(text).split(' ');
      // Letters are words: a query's first and last words match whole words of the text (b is not
      // in ab), but a lone word, which matches as a prefix (a is in ab).
      const [start, end] = [/^[ab]/.test(query) ? '(?<![ab])' : '', /[ab]$/.test(query) && /[^ab]/.test(query) ? '(?![ab])' : ''];
      const expected = new RegExp(start + query + end).test(text);
      // A lone character ending the part is a prefix apart from the phrase: looser, never missing.
      const matched = (phrase.length === 0 || phraseIn(tokens, phrase)) && (!prefix || tokens.some((t) => t.startsWith(prefix)));
      if (prefix && phrase.length > 0) expect(matched || !expected, `${query} in ${text}`).toBe(true);
      else expect(matched, `${query} in ${text}`).toBe(expected);
      if (expected) found++;
      if (expected && /[ab]/.test(query) && /[^ab]/.test(query)) mixed++;
    }
    expect(found).toBeGreaterThan(100);
    expect(mixed).toBeGreaterThan(20);
  });
});
