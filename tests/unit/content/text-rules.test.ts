import { describe, expect, it } from 'vitest';
import { describeControlChars, emptyIn, textIn } from '../../../src/lib/content/text-rules.ts';
import { suggestSlug } from '../../../src/lib/content/suggest-slug.ts';

describe('describeControlChars', () => {
  it.each([
    ['标题', undefined],
    ['tab\tand\nnewline', undefined],
    ['😀 and 𠀀 are single characters', undefined],
    ['a\u0000b', 'U+0000 at character 2'],
    ['😀\u0007', 'U+0007 at character 2'],
    ['\r', 'U+000D at character 1'],
    ['x\u007Fy\u009F', 'U+007F at character 2, U+009F at character 4'],
    ['\uFFFE\uFFFF', 'U+FFFE at character 1, U+FFFF at character 2'],
    ['lone \uD800 and \uDC00', 'U+D800 at character 6, U+DC00 at character 12'],
    ['a\u202E反向覆盖\u202C', 'U+202E at character 2, U+202C at character 7'],
    ['\u2066x\u2069 \u2028', 'U+2066 at character 1, U+2069 at character 3, U+2028 at character 5'],
    ['\uFDD0 \u{1FFFE} \u{10FFFF}', 'U+FDD0 at character 1, U+1FFFE at character 3, U+10FFFF at character 5'],
    ['\u200E\u200F left-to-right and right-to-left marks are text', undefined],
  ])('%j', (text, expected) => {
    expect(describeControlChars(text)).toBe(expected);
  });
});

const INVISIBLE = '\u200B\u200C\u200D\u2060\uFEFF \u3000';

describe('textIn / emptyIn: what each variant shows once markers are resolved', () => {
  it.each([
    ['标题', '标题', '标题', []],
    ['-{}-', '', '', ['zh-Hans', 'zh-Hant']],
    ['-{一起惠}-资讯', '一起惠资讯', '一起惠资讯', []],
    ['-{zh-hans:信息;zh-hant:資訊}-', '信息', '資訊', []],
    ['-{zh-hans:;zh-hant:資訊}-', '', '資訊', ['zh-Hans']],
    ['-{zh-hans:信息}-', '信息', '信息', []],
    [INVISIBLE, INVISIBLE, INVISIBLE, ['zh-Hans', 'zh-Hant']],
    ['-{ }-\u200B', ' \u200B', ' \u200B', ['zh-Hans', 'zh-Hant']],
    // Soft hyphen, Hangul filler, variation selector, combining marks alone, blank braille pattern.
    ['\u00AD', '\u00AD', '\u00AD', ['zh-Hans', 'zh-Hant']],
    ['\u3164', '\u3164', '\u3164', ['zh-Hans', 'zh-Hant']],
    ['\uFE0F', '\uFE0F', '\uFE0F', ['zh-Hans', 'zh-Hant']],
    ['\u0301\u0301', '\u0301\u0301', '\u0301\u0301', ['zh-Hans', 'zh-Hant']],
    ['\u2800', '\u2800', '\u2800', ['zh-Hans', 'zh-Hant']],
    ['e\u0301', 'e\u0301', 'e\u0301', []],
  ])('%j', (text, hans, hant, empty) => {
    expect([textIn(text, 'zh-Hans'), textIn(text, 'zh-Hant')]).toEqual([hans, hant]);
    expect(emptyIn(text)).toEqual(empty);
  });
});

describe('suggestSlug', () => {
  it.each([
    ['淘宝 卖家', 80, 'tao-bao-mai-jia'],
    ['', 80, 'article'],
    [`${'a'.repeat(40)}-${'b'.repeat(40)}`, 80, 'a'.repeat(40)],
    ['a'.repeat(81), 80, 'a'.repeat(80)],
    ['淘宝卖家如何应对618大促', 20, 'tao-bao-mai-jia-ru'],
  ])('%j within %i characters', (name, max, expected) => {
    expect(suggestSlug(name, max)).toBe(expected);
  });
});
