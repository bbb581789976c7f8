import { describe, expect, it } from 'vitest';
import { MAX_TITLE, deriveSummary, deriveTitle } from '../../../scripts/lib/import/title.ts';
import { articleSlug, channelSlug } from '../../../scripts/lib/import/slug.ts';
import { legacyFile } from '../../helpers/legacy.ts';

describe('deriveTitle', () => {
  it.each([
    // Clauses of the first sentence while they fit in 30 characters.
    [
      '开车进入某个百货商场地下车库,手机立刻向你推荐了想买的衣服。于是,你到商场里径直走进了这家店。',
      '开车进入某个百货商场地下车库,手机立刻向你推荐了想买的衣服',
    ],
    // Wire lead-ins (date, 日前, 一起惠获悉) are skipped.
    ['5月8日消息,日前,拼多多宣布将联合多家老字号品牌推出新品。', '拼多多宣布将联合多家老字号品牌推出新品'],
    ['4月28日消息,一起惠获悉,日前,南讯发布了新产品。', '南讯发布了新产品'],
    // A last clause that only leads on is dropped.
    ['我相信网购已经成为大家日常生活的一部分了,毕竟方便又快捷。但是有时候难免遇到糟心事。', '我相信网购已经成为大家日常生活的一部分了'],
    ['据阿里截至12月31日的季度财报显示,在上季度,阿里国际零售业务营收达80亿元。', '据阿里截至12月31日的季度财报显示'],
    // A short question is a headline as it stands.
    ['八大品牌营收净利大比拼,谁是领头羊?谁最势不可挡?', '八大品牌营收净利大比拼,谁是领头羊?'],
    // A too-short opening clause is topped up with whole words of the next.
    ['近两年,独立站建站工具的普及让独立站玩法在跨境电商圈“火”了起来。', '近两年,独立站建站工具的普及让独立站玩法在跨境电商圈“火”了'],
    // One clause longer than the limit is cut between words, never inside `Pre-A`.
    ['进口冻品产业链赋能平台“飞熊领鲜”于今日宣布获数千万级Pre-A轮融资。', '进口冻品产业链赋能平台“飞熊领鲜”于今日宣布获数千万级'],
    ['进口冻品产业链赋能平台于今日宣布获数千万级Pre-A轮融资。', '进口冻品产业链赋能平台于今日宣布获数千万级Pre-A轮融资'],
    // Full-width punctuation splits clauses and ends sentences as ASCII does.
    [
      '开车进入某个百货商场地下车库\uFF0C手机立刻向你推荐了想买的衣服\uFF1F于是你到了商场。',
      '开车进入某个百货商场地下车库\uFF0C手机立刻向你推荐了想买的衣服\uFF1F',
    ],
    // A quote is never left open.
    ['女性分享购物社区蘑菇街发布了关于新增《品类优质供应链商家评选规则》的公告。', '女性分享购物社区蘑菇街发布了关于新增'],
  ])('%s', (text, title) => {
    expect(deriveTitle(text)).toBe(title);
  });

  it('never exceeds the limit on the legacy pages', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(legacyFile('jingying-page-8.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.length > 200);
    for (const line of lines) expect([...deriveTitle(line)].length).toBeLessThanOrEqual(MAX_TITLE);
  });
});

describe('deriveSummary', () => {
  it('keeps whole sentences within the limit', () => {
    expect(deriveSummary('第一句话。第二句话!' + '很长'.repeat(80) + '。')).toBe('第一句话。第二句话!');
  });
  it('cuts a too-long first sentence at a clause and marks it', () => {
    const summary = deriveSummary(`开头一句,${'很长的内容'.repeat(30)}。`);
    expect(summary).toBe('开头一句…');
  });
});

describe('channelSlug', () => {
  it.each([
    ['经营', 'jingying'],
    ['淘宝', 'taobao'],
    ['淘寶', 'taobao'],
    ['社群', 'shequn'],
    ['绿色', 'lvse'],
  ])('%s → %s', (name, slug) => {
    expect(channelSlug(name)).toBe(slug);
  });
});

describe('articleSlug', () => {
  const hash = '0123456789abcdef';
  it('is pinyin words plus a short hash', () => {
    expect(articleSlug('我相信网购', hash, () => false)).toBe('wo-xiangxin-wang-gou-012345');
  });
  it('is valid and short for any title', () => {
    const slug = articleSlug('“2010年错过淘宝,2013错过天猫,2018还会错过拼多多吗?”Pre-A轮', hash, () => false);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.length).toBeLessThanOrEqual(60);
  });
  it('lengthens the hash when the slug is taken', () => {
    expect(articleSlug('我相信网购', hash, (s) => s.endsWith('-012345'))).toBe('wo-xiangxin-wang-gou-01234567');
  });
  it('falls back to "article" for a title without words', () => {
    expect(articleSlug('……', hash, () => false)).toBe('article-012345');
  });
});
