import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/consts.ts';
import { createVariantConverter } from '../../../src/lib/convert/variant-converter.ts';
import { findMarkerProblems } from '../../../src/lib/convert/marker-problems.ts';

const converter = createVariantConverter([]);
const H: Lang = 'zh-Hans';
const T: Lang = 'zh-Hant';

type Row = [source: string, from: Lang, to: Lang, expected: string, why: string];

describe('protection markers in text', () => {
  it.each<Row>([
    ['-{发展}-很快', H, T, '发展很快', 'protected text is never converted'],
    ['发展-{发展}-发展', H, T, '發展发展發展', 'only the marked part is kept'],
    ['-{zh-hans:信息;zh-hant:資訊}-安全', H, T, '資訊安全', 'a choice picks the target variant'],
    ['-{zh-hans:信息;zh-hant:資訊}-安全', H, H, '信息安全', 'markers are resolved when from === to'],
    ['-{發}-', H, H, '發', 'kept text is stripped of its markers when from === to'],
    ['-{zh-hans:信息;zh-hant:資訊}-', T, H, '信息', 'zh-Hant→zh-Hans picks zh-hans'],
    ['-{zh-cn:信息;zh-tw:資訊}-', H, T, '資訊', 'zh-cn/zh-tw are aliases'],
    ['-{ZH-HANS: 信息 ; ZH-HK: 資訊 ;}-', H, T, '資訊', 'labels ignore case and spaces; a trailing ; is fine'],
    ['-{zh-hans:a;b;zh-hant:c;d}-', H, H, 'a;b', 'a ; not followed by a label belongs to the value'],
    ['-{zh-hans:头发}-', H, T, '頭髮', 'a choice without the target converts the text it has'],
    ['-{zh-hant:頭髮}-', T, H, '头发', 'the same the other way'],
    ['-{}-头发', H, T, '頭髮', 'an empty marker disappears'],
    ['头发-{一起', H, T, '頭髮一起', 'an unclosed marker protects the rest and loses its -{'],
    ['a-{b}-c-{d}-e', H, T, 'abcde', 'several markers'],
    ['-{a-{b}-c}-', H, T, 'a-{bc}-', 'markers do not nest: the first }- closes'],
    ['后台}-', H, T, '後臺}-', 'a lone }- is text'],
  ])('%s (%s→%s) → %s: %s', (source, from, to, expected) => {
    expect(converter.text(source, from, to)).toBe(expected);
  });

  it('leaves correct text without markers alone when from === to', () => {
    expect(converter.text('显著发展，皇后乾隆', H, H)).toBe('显著发展，皇后乾隆');
    expect(converter.text('顯著發展，皇后乾隆', T, T)).toBe('顯著發展，皇后乾隆');
  });

  it('turns a stray character of the other script into the page script when from === to', () => {
    expect(converter.text('每年平均要推出大約30000种新产品', H, H)).toBe('每年平均要推出大约30000种新产品');
    expect(converter.text('買家收到後发現問題', T, T)).toBe('買家收到後發現問題');
    expect(converter.text('-{發}-展 發展', H, H)).toBe('發展 发展');
  });
});

describe('findMarkerProblems', () => {
  it.each([
    ['-{一起惠}- -{zh-hans:信息;zh-hant:資訊}-', []],
    ['头发-{一起', ['the marker "-{一起" is not closed: end it with }-']],
    ['-{zh-xx:信息}-', ['unknown variant "zh-xx" in "-{zh-xx:信息}-": write zh-hans (or zh-cn) and zh-hant (or zh-tw, zh-hk)']],
    ['-{zh-hans:信息}-', ['"-{zh-hans:信息}-" gives no zh-hant text, so that page shows the other text converted: add ;zh-hant:…']],
    [
      '-{zh-hans:信息;zh-hant:资讯}-',
      ['the zh-hant text in "-{zh-hans:信息;zh-hant:资讯}-" has simplified-only 资讯: write it in traditional script'],
    ],
  ])('%s', (text, messages) => {
    expect(findMarkerProblems(text).map((p) => p.message)).toEqual(messages);
  });
});
