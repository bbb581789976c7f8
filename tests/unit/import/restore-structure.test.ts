import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listingCopy } from '../../../scripts/lib/import/copy.ts';
import { parseListingPage } from '../../../scripts/lib/import/listing-page.ts';
import { parseLongformPage } from '../../../scripts/lib/import/longform-page.ts';
import { blockText, blocksToMarkdown, markdownText, type Block } from '../../../scripts/lib/import/markdown.ts';
import { restoreStructure, sentences } from '../../../scripts/lib/import/restore-structure.ts';
import { parseArchiveDate, type ArchiveDate } from '../../../src/lib/dates.ts';
import { legacyFile } from '../../helpers/legacy.ts';

const listingArticles = ['jingying-page-8.txt', 'shequn-page-2.txt'].flatMap((name) =>
  parseListingPage(readFileSync(legacyFile(name), 'utf8'), name).articles.map((a) => ({ name: `${name}:${a.line}`, text: a.text })),
);
const length = (text: string) => [...text].length;
const meta = { origin: 'x:1', channel: 'shequn', lang: 'zh-Hans' as const, date: parseArchiveDate('2019-05-01') as ArchiveDate, views: 0 };

describe('restoring the structure of flattened listing articles', () => {
  it.each(listingArticles)('$name keeps every character, in order, in readable blocks', ({ text }) => {
    const blocks = restoreStructure(text);
    expect(blocks.map(blockText).join('')).toBe(text);
    expect(markdownText(blocksToMarkdown(blocks)).replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    const paragraphs = blocks.flatMap((b) => (b.kind === 'list' ? b.items.flat() : [b.text]));
    expect(Math.max(...paragraphs.map(length))).toBeLessThanOrEqual(800);
    if (length(text) > 1000) expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['注意：*卖家*要发货，**“淘宝”**规则'],
    ['“_下划线_”字，数量_动销率_比例'],
    ['退款~~七天~~，“~~删除~~”了'],
    ['利润=商品数量*动销率*单品贡献率'],
  ])('escapes marks the site would read as emphasis, beside Chinese punctuation too: %s', (text) => {
    expect(markdownText(blocksToMarkdown([{ kind: 'paragraph', text }]))).toBe(text);
  });

  it("turns glued numbered steps into a list and goes on after the last step's sentence", () => {
    const text =
      '今天就跟着小编一起往下看吧1无论是从何处购买商品,都应该以协商为主。2如果协商失败,就可以动用维权手段了(物流揽件)' +
      '3特别提示:这里的发货时间要求指的是物流揽件时间。如果遇到双11,揽件时间会有特别的规定。';
    expect(restoreStructure(text)).toEqual<Block[]>([
      { kind: 'paragraph', text: '今天就跟着小编一起往下看吧' },
      {
        kind: 'list',
        start: 1,
        items: [
          ['无论是从何处购买商品,都应该以协商为主。'],
          ['如果协商失败,就可以动用维权手段了(物流揽件)'],
          ['特别提示:这里的发货时间要求指的是物流揽件时间。'],
        ],
      },
      { kind: 'paragraph', text: '如果遇到双11,揽件时间会有特别的规定。' },
    ]);
  });

  it.each([
    ['去年4月,天虹就与腾讯合作。门店周围3~5公里的顾客。2019年5月19日正式上线。'],
    ['从0到1阶段的新品研发。剩下的8个月则用来生产。'],
    ['只有1个步骤。'],
  ])('leaves amounts and dates alone: %s', (text) => {
    expect(restoreStructure(text)).toEqual([{ kind: 'paragraph', text }]);
  });

  it('makes headings of glued topic runs and of a lone question between statements', () => {
    const blocks = restoreStructure(
      '也是一个绕不过去的问题。推广:花样繁多最近两年,内容电商和社交电商是被广为探索的电商新领地。' +
        '服务链条更长。海外的微信购物人群有多大?尽管章鱼掌柜并未对外透露其关停的原因。谁是领头羊?谁最势不可挡?近年来体育消费成为潮流。',
    );
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['推广:花样繁多', '海外的微信购物人群有多大?']);
  });

  it('starts a paragraph at each turn of an interview', () => {
    const question = '一起惠:有鱼的定位与运作模式和其他社交电商平台有什么区别呢,能不能具体谈一谈?';
    const answer = '小马哥:传统电商行业的获客成本越来越高,社交电商的裂变能力让获客变得便宜,这是我们进入这个市场的原因。';
    expect(restoreStructure(question + answer).map(blockText)).toEqual([question, answer]);
  });

  it('gives a long-form page the same treatment inside its paragraphs', () => {
    const page = parseLongformPage('标题\n\n先说背景,往下看吧1第一步要做的事情是注册账号。2第二步要做的事情是开通店铺。\n', 'x.txt');
    expect(page.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list']);
  });
});

describe('summaries of listing articles', () => {
  it('go on after a title taken from the text instead of repeating it', () => {
    const copy = listingCopy('3月27日消息,一起惠发现,唯品会的出海社交电商项目已经正式关停。据悉,章鱼掌柜以微信生态作为基础渠道。', meta);
    expect(copy.title).toBe('唯品会的出海社交电商项目已经正式关停');
    expect(copy.summary).toBe('据悉,章鱼掌柜以微信生态作为基础渠道。');
  });

  it("take the next sentence too when the rest of the title's sentence says too little", () => {
    const copy = listingCopy(
      `我相信网购已经成为大家日常生活的一部分了,毕竟方便又快捷。但是有时候,难免也会遇到一些糟心的事儿,${'急需某样东西'.repeat(30)}。`,
      meta,
    );
    expect(copy.title).toBe('我相信网购已经成为大家日常生活的一部分了');
    expect(copy.summary).toBe('毕竟方便又快捷。但是有时候,难免也会遇到一些糟心的事儿…');
  });

  it.each(listingArticles)('$name: the summary does not start with the title', ({ text }) => {
    const copy = listingCopy(text, meta);
    expect(copy.summary.startsWith(copy.title)).toBe(false);
  });
});

describe('sentences', () => {
  it('does not end one inside a quotation', () => {
    expect(sentences('帖子大多以“来……吧”结尾。更有推手声称,“我们走了!”他说。')).toEqual([
      '帖子大多以“来……吧”结尾。',
      '更有推手声称,“我们走了!”',
      '他说。',
    ]);
  });
});

describe('sentences after a quotation that never closes', () => {
  it('end again once the quotation has run on too long', () => {
    const text = `他说:“${'这是一句话。'.repeat(40)}`;
    expect(sentences(text).length).toBeGreaterThan(1);
    expect(sentences(text).join('')).toBe(text);
  });
});

describe('numbered steps with their mark', () => {
  it('start paragraphs of their own, the numbers kept in the text', () => {
    const text =
      '所以今天小编想讲的是如何经营好店铺1、方向,这一点非常重要,需要店家们找准定位。切忌跟风,才能生存下来2、资格,在京东做店铺讲的是实力。' +
      '不要投机取巧3、推广,一定要配合宝贝的权重。最后祝大家生意兴隆。';
    expect(restoreStructure(text)).toEqual<Block[]>([
      { kind: 'paragraph', text: '所以今天小编想讲的是如何经营好店铺' },
      { kind: 'paragraph', text: '1、方向,这一点非常重要,需要店家们找准定位。切忌跟风,才能生存下来' },
      { kind: 'paragraph', text: '2、资格,在京东做店铺讲的是实力。不要投机取巧' },
      { kind: 'paragraph', text: '3、推广,一定要配合宝贝的权重。' },
      { kind: 'paragraph', text: '最后祝大家生意兴隆。' },
    ]);
  });
});
