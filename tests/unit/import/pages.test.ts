import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../scripts/lib/import/detect-format.ts';
import { decodeUtf8 } from '../../../scripts/lib/import/decode.ts';
import { parseListingPage } from '../../../scripts/lib/import/listing-page.ts';
import { parseLongformPage } from '../../../scripts/lib/import/longform-page.ts';
import { blockText, blocksToMarkdown } from '../../../scripts/lib/import/markdown.ts';
import { legacyFile } from '../../helpers/legacy.ts';

const legacy = (name: string) => readFileSync(legacyFile(name), 'utf8');
const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

describe('detectFormat', () => {
  it.each([
    ['jingying-page-8.txt', 'listing', legacy('jingying-page-8.txt')],
    ['shequn-page-2.txt', 'listing', legacy('shequn-page-2.txt')],
    ['shequn-longform.txt', 'longform', legacy('shequn-longform.txt')],
    ['taobao-traditional.txt (no breadcrumb)', 'listing', fixture('taobao-traditional.txt')],
    ['longform-small.txt', 'longform', fixture('longform-small.txt')],
  ])('%s is %s', (_, format, text) => {
    expect(detectFormat(text)).toEqual({ format });
  });

  it.each([
    ['empty', '', /is empty/],
    ['whitespace', ' \n\n', /is empty/],
    ['markup', fixture('neither.html'), /neither/],
    ['a single line', '只有一行字,没有段落。', /neither/],
  ])('refuses %s', (_, text, message) => {
    const result = detectFormat(text);
    expect('error' in result && result.error).toMatch(message);
  });
});

describe('decodeUtf8', () => {
  it('refuses GBK with the line of the first bad byte', () => {
    const result = decodeUtf8(readFileSync('tests/fixtures/import/not-utf8.txt'), 'not-utf8.txt');
    expect('problem' in result && result.problem).toMatchObject({
      file: 'not-utf8.txt',
      line: 1,
      message: expect.stringMatching(/not UTF-8.*iconv/),
    });
  });
  it('accepts a BOM and CRLF', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFF经营\r\n文字'), 'x')).toEqual({ text: '经营\n文字' });
  });
  it('reads a file cut off in the middle of its last character up to there, with a warning on that line', () => {
    const bytes = new TextEncoder().encode('经营\n完整的一行\n被截断的一行');
    expect(decodeUtf8(bytes.subarray(0, bytes.length - 1), 'cut.txt')).toEqual({
      text: '经营\n完整的一行\n被截断的一',
      warning: {
        file: 'cut.txt',
        line: 3,
        severity: 'warning',
        message: 'ends in the middle of a character, as a scrape cut off there does: its last line is read up to its last whole character',
      },
    });
  });
  it('still refuses a bad byte before the end', () => {
    const bytes = new TextEncoder().encode('经营\n一行');
    expect('problem' in decodeUtf8(Uint8Array.from([...bytes.subarray(0, 2), ...bytes.subarray(3)]), 'x')).toBe(true);
  });
});

describe('a listing page skipped for want of a channel', () => {
  it('gives nothing, its sidebar merchants included', () => {
    const text = '推荐商家更多\n京东商城\n最高返利56%\n这是一篇文章的全文,没有频道行在它前面。\n2019-05-14 09:28:18529 次\n';
    const page = parseListingPage(text, 'page.txt');
    expect(page.articles).toEqual([]);
    expect(page.merchants).toEqual([]);
    expect(page.problems.map((p) => p.message)).toEqual([
      'has no channel line (e.g. "经营" before the first article) and no breadcrumb; the page is skipped',
    ]);
  });
});

describe('parseListingPage on the legacy pages', () => {
  it.each([
    ['jingying-page-8.txt', '经营', 20, 9],
    ['shequn-page-2.txt', '社群', 20, 0],
  ])('%s: channel %s, %i articles, %i merchants, no problems', (name, channel, articles, merchants) => {
    const page = parseListingPage(legacy(name), name);
    expect(page.channelName).toBe(channel);
    expect(page.articles).toHaveLength(articles);
    expect(page.merchants).toHaveLength(merchants);
    expect(page.problems).toEqual([]);
  });

  it('reads the meta line: date-time, views and source', () => {
    const jingying = parseListingPage(legacy('jingying-page-8.txt'), 'j').articles;
    expect(jingying[0]).toMatchObject({ line: 3, views: 529, date: { display: '2019-05-14 09:28:18', iso: '2019-05-14T09:28:18+08:00' } });
    expect(jingying[0]!.source).toBeUndefined();
    const shequn = parseListingPage(legacy('shequn-page-2.txt'), 's').articles;
    expect(shequn.at(-1)).toMatchObject({ line: 41, views: 412, source: '一起惠返利网', date: { display: '2019-02-25 09:41:35' } });
    expect(shequn.find((a) => a.line === 19)).toMatchObject({ source: '一起惠', views: 407 });
  });

  it('takes merchants and rebates from the 推荐商家 block, not the pager', () => {
    const { merchants, articles } = parseListingPage(legacy('jingying-page-8.txt'), 'j');
    expect(merchants[0]).toEqual({ name: '京东商城', rebate: '56%' });
    expect(merchants.at(-1)).toEqual({ name: '爱奇艺', rebate: '10.5%' });
    expect(articles.some((a) => /^\d+-\d+\/\d+ 记录|^最高返利|^推荐商家/.test(a.text))).toBe(false);
  });
});

describe('parseListingPage on a traditional page without breadcrumb', () => {
  const page = parseListingPage(fixture('taobao-traditional.txt'), 't');
  it('finds the channel line, the articles and the traditional sidebars', () => {
    expect(page.channelName).toBe('淘寶');
    expect(page.articles.map((a) => [a.line, a.views])).toEqual([
      [2, 612],
      [4, 120],
    ]);
    expect(page.merchants).toEqual([
      { name: '京东商城', rebate: '60%' },
      { name: '网易考拉', rebate: '8%' },
    ]);
    expect(page.problems).toEqual([]);
  });
  it('removes leaked pinyin and keeps real parentheses', () => {
    const [first, second] = page.articles.map((a) => a.text);
    expect(first).toContain('網購');
    expect(first).toContain('不發貨');
    expect(first).not.toMatch(/\((wǎng|fā)\)/);
    expect(second).toContain('保證金(消保)');
    expect(second).toContain('這個問題');
  });
});

describe('parseListingPage on bad lines', () => {
  it('skips an impossible date, naming the line, and keeps the rest of the page', () => {
    const page = parseListingPage(fixture('impossible-date.txt'), 'bad.txt');
    expect(page.articles.map((a) => a.line)).toEqual([4]);
    expect(page.problems).toEqual([
      expect.objectContaining({
        file: 'bad.txt',
        line: 3,
        field: 'date',
        message: expect.stringMatching(/2019-02-30.*not a real date.*line 2 is skipped/),
      }),
    ]);
  });
  it('reports text without a meta line and a malformed meta line', () => {
    const page = parseListingPage(
      '经营\n第一篇文章的正文,没有元信息。\n第二篇文章的正文,元信息坏了。\n2019-05-1409:28:18529 次\n',
      'x.txt',
    );
    expect(page.articles).toEqual([]);
    expect(page.problems.map((p) => p.line)).toEqual([2, 4]);
  });
  it('takes the channel from the breadcrumb when the channel line is missing', () => {
    const page = parseListingPage(
      '当前位置:首页>一起惠资讯>社群>文章列表\n一篇文章的正文,足够长的一句话。\n2019-05-14 09:28:18529 次\n',
      'x.txt',
    );
    expect(page.channelName).toBe('社群');
    expect(page.articles).toHaveLength(1);
  });
});

describe('parseLongformPage', () => {
  it('reads the legacy long-form page: title, headings, boilerplate dropped', () => {
    const page = parseLongformPage(legacy('shequn-longform.txt'), 'l');
    expect(page.title).toBe('社群电商运营案例拥有一个商家自己的垂直电商平台才能决胜消费终端');
    expect(page.dropped.map((d) => d.line)).toEqual([37, 211, 231, 233, 255, 295, 317, 321, 334, 420]);
    const headings = page.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(expect.arrayContaining(['一、挖掘商品卖点', '1、写软文', '16、贵在坚持', '商品分级']));
    const paragraphs = page.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs).toEqual(
      expect.arrayContaining(['1、以库存表现为例。', '主要是利用主播的影响力', '收费平台广告位投放(根据用户群体投放)']),
    );
    expect(page.blocks.some((b) => /发稿网|^END$|文章来源/.test(blockText(b)))).toBe(false);
  });

  it('writes headings as Markdown and escapes text that looks like syntax', () => {
    const page = parseLongformPage(fixture('longform-small.txt'), 'l');
    expect(page.title).toBe('淘宝开店前要想清楚的三件事');
    expect(blocksToMarkdown(page.blocks)).toBe(
      [
        '开店之前,先想清楚卖什么、卖给谁、怎么卖。',
        '## 一、选品',
        '选品决定了店铺的上限:利润=售价\\*销量,不能只看售价。',
        '### 1、看需求',
        '### 3. 看供应链',
        '供应链稳定,才能持续发货。',
      ].join('\n\n') + '\n',
    );
    expect(page.dropped.map((d) => d.rule)).toEqual(['source credit', 'end marker', 'press-release ad']);
  });
});
