import { describe, expect, it } from 'vitest';
import { removeLeakedPinyin } from '../../../scripts/lib/import/leaked-pinyin.ts';
import { findMangledRuns } from '../../../scripts/lib/import/mangled.ts';
import { detectLang } from '../../../scripts/lib/import/han-script.ts';
import { boilerplateRule } from '../../../scripts/lib/import/boilerplate.ts';

describe('removeLeakedPinyin', () => {
  it.each([
    ['網(wǎng)購', '網購'],
    ['發(fā)貨', '發貨'],
    ['問(wèn)題', '問題'],
    ['全角括號網\uFF08wǎng\uFF09購', '全角括號網購'],
    // Real parentheses stay: not pinyin, or not a reading of the character before.
    ['保證金(消保)', '保證金(消保)'],
    ['全诚科技(id:cnitr5)', '全诚科技(id:cnitr5)'],
    ['咖啡(café)', '咖啡(café)'],
    ['網(fā)購', '網(fā)購'],
    ['QQ(wǎng)', 'QQ(wǎng)'],
  ])('%s → %s', (input, expected) => {
    expect(removeLeakedPinyin(input)).toBe(expected);
  });
});

describe('findMangledRuns', () => {
  it.each([
    ['急需某樣?xùn)|西也跟店家', 1],
    ['我們?nèi)绻峭粋€賬戶', 1],
    ['谁是领头羊?谁最势不可挡?', 0],
    ['付款后72小时内(物流揽件)', 0],
  ])('%s has %i mangled run(s)', (text, count) => {
    expect(findMangledRuns(text)).toHaveLength(count);
  });
});

describe('detectLang', () => {
  it.each([
    ['我相信网购已经成为大家日常生活的一部分了,毕竟方便又快捷。', 'zh-Hans'],
    ['我相信網購已經成為大家日常生活的一部分了,畢竟方便又快捷。', 'zh-Hant'],
    // The old converter left 后 and 干 simplified; the page is still traditional.
    ['付款后72小時內發貨,賣家干脆不回覆訊息。', 'zh-Hant'],
    ['2019 ROI', 'zh-Hans'],
  ])('%s is %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('boilerplate rules', () => {
  it.each([
    ['文章来源:全诚科技(id:cnitr5)', 'source credit'],
    ['文章來源:全誠科技', 'source credit'],
    ['END', 'end marker'],
    ['- END -', 'end marker'],
    ['—END—', 'end marker'],
    ['发稿网软文代写软文平台。', 'press-release ad'],
    ['团队由资深互联网专家组成,服务内容类涵盖软文发布软文代写微信营销', 'agency blurb'],
    ['文章为作者独立观点,不代表所属公司立场。', 'disclaimer'],
    ['自配图,据网络', 'image credit'],
    ['来源于生活的灵感才是好文案。', undefined],
    ['END的意思是结束', undefined],
  ])('%s → %s', (line, rule) => {
    expect(boilerplateRule(line)?.name).toBe(rule);
  });
});
