/**
 * Pages of the scrape laid out differently from the three shared samples: each fixture here is a
 * shared page reformatted (blank lines, breadcrumb, script, pager, sidebar), and must read as the
 * original does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../scripts/lib/import/detect-format.ts';
import { parseListingPage } from '../../../scripts/lib/import/listing-page.ts';
import { parseLongformPage } from '../../../scripts/lib/import/longform-page.ts';
import { blockText } from '../../../scripts/lib/import/markdown.ts';
import { boilerplateRule } from '../../../scripts/lib/import/boilerplate.ts';
import { openccConverter } from '../../../src/lib/convert/opencc.ts';
import { legacyFile } from '../../helpers/legacy.ts';

const legacy = (name: string) => readFileSync(legacyFile(name), 'utf8');
const toTraditional = openccConverter('zh-Hans', 'zh-Hant');
const PAGER_LINE = /^\d+-\d+\/\d+ 记录.*$/m;

const jingying = legacy('jingying-page-8.txt');
const listingLayouts: [string, string][] = [
  ['without the breadcrumb', jingying.replace(/^当前位置.*\n/, '')],
  ['with a blank line after every line', jingying.replace(/\n/g, '\n\n')],
  ['in traditional script, labels included, without the breadcrumb', toTraditional(jingying.replace(/^当前位置.*\n/, ''))],
  [
    'with its pager over several lines',
    jingying.replace(PAGER_LINE, '141-160/1839 记录\n8/92 页\n首页\n上一页\n1...567891011...92\n下一页\n尾页'),
  ],
  [
    'with "更多" on its own line and each merchant on one line',
    jingying.replace('推荐商家更多', '推荐商家\n更多').replace(/^(.+)\n(最高返利[\d.]+%)$/gm, '$1 $2'),
  ],
  [
    'without the breadcrumb, its sidebar first',
    (() => {
      const lines = jingying.replace(/^当前位置.*\n/, '').split('\n');
      const sidebar = lines.findIndex((l) => l.startsWith('推荐商家'));
      const end = lines.findIndex((l, i) => i > sidebar && /^(每周热门资讯|一周热门排行)/.test(l));
      const cut = end === -1 ? lines.length : end;
      return [...lines.slice(sidebar, cut), ...lines.slice(0, sidebar), ...lines.slice(cut)].join('\n');
    })(),
  ],
  [
    'with the pager and sidebar before the articles',
    (() => {
      const lines = jingying.split('\n');
      const pager = lines.findIndex((l) => PAGER_LINE.test(l));
      return [...lines.slice(0, 2), ...lines.slice(pager), ...lines.slice(2, pager)].join('\n');
    })(),
  ],
];

describe('listing pages laid out differently', () => {
  const original = parseListingPage(jingying, 'jingying-page-8.txt');

  it.each(listingLayouts)('a listing page %s reads as the original', (_, text) => {
    expect(detectFormat(text)).toEqual({ format: 'listing' });
    const page = parseListingPage(text, 'page.txt');
    expect(page.problems).toEqual([]);
    expect(page.channelName).toBe(/經營/.test(text) ? '經營' : '经营');
    const meta = (articles: typeof page.articles) => articles.map((a) => [a.date.display, a.views, a.source]);
    expect(meta(page.articles)).toEqual(meta(original.articles));
    expect(page.articles.map((a) => [...a.text].length)).toEqual(original.articles.map((a) => [...a.text].length));
    expect(page.merchants.map((m) => m.rebate)).toEqual(original.merchants.map((m) => m.rebate));
  });
});

describe('listing pages with text that looks like a meta line, and meta lines spaced differently', () => {
  const original = parseListingPage(jingying, 'jingying-page-8.txt');
  const lines = jingying.split('\n');
  const firstMeta = lines.findIndex((l) => /\d{2}:\d{2}:\d{2}\d+ 次$/.test(l));

  it('reads a space before the views, and two between the date and the time', () => {
    const spaced = lines.map((l, i) => (i === firstMeta ? l.replace(/ (\d{2}:\d{2}:\d{2})/, '  $1 ') : l)).join('\n');
    expect(spaced).not.toBe(jingying);
    const page = parseListingPage(spaced, 'page.txt');
    expect(page.problems).toEqual([]);
    expect(page.articles.map((a) => [a.date.display, a.views, a.source])).toEqual(
      original.articles.map((a) => [a.date.display, a.views, a.source]),
    );
  });

  it('takes the breadcrumb over a merchant without its rebate at the end of a sidebar that comes first', () => {
    const sidebar = lines.findIndex((l) => l.startsWith('推荐商家'));
    const end = lines.findIndex((l, i) => i > sidebar && /^(每周热门资讯|一周热门排行)/.test(l));
    const cut = end === -1 ? lines.length : end;
    // The breadcrumb, the sidebar with a last merchant lacking its rebate, then the articles without the channel line.
    const text = [lines[0]!, ...lines.slice(sidebar, cut), '爱奇艺', ...lines.slice(2, sidebar), ...lines.slice(cut)].join('\n');
    const page = parseListingPage(text, 'page.txt');
    expect(page.channelName).toBe('经营');
    expect(page.articles).toHaveLength(original.articles.length);
    expect(page.problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'merchant "爱奇艺" has no "最高返利…" line; ignored']]);
  });

  it('reads a long source name before the date', () => {
    const source = '一起惠返利网'.repeat(8);
    const text = lines.map((l, i) => (i === firstMeta ? `${source}${l}` : l)).join('\n');
    const page = parseListingPage(text, 'page.txt');
    expect(page.problems).toEqual([]);
    expect(page.articles).toHaveLength(original.articles.length);
    expect(page.articles[0]!.source).toBe(source);
  });

  it.each([
    ['a date and "次" in a sentence', '报名时间截至2019-6-30,每个账号限参加1次'],
    ['a whole meta line', '2019-05-30 09:21:32571 次'],
  ])('keeps an article whose text ends in %s', (_, ending) => {
    const text = lines.map((l, i) => (i === firstMeta - 1 ? `${l}${ending}` : l)).join('\n');
    const page = parseListingPage(text, 'page.txt');
    expect(page.problems).toEqual([]);
    expect(page.articles).toHaveLength(original.articles.length);
    expect(page.articles[0]!.text.endsWith(ending)).toBe(true);
  });
});

const longform = legacy('shequn-longform.txt');
const singleBreaks = longform.replace(/\n\n+/g, '\n');
const longformLayouts: [string, string][] = [
  ['with paragraphs separated by single line breaks', singleBreaks],
  ['without a blank line after the title', longform.replace(/\n\n/, '\n')],
  ['with single line breaks and no blank line after the title, in traditional script', toTraditional(singleBreaks)],
  ['with paragraphs indented by full-width spaces', longform.replace(/\n(?=\S)/g, '\n\u3000\u3000')],
];

describe('long-form pages laid out differently', () => {
  const original = parseLongformPage(longform, 'shequn-longform.txt');

  it.each(longformLayouts)('a long-form page %s reads as the original', (_, text) => {
    expect(detectFormat(text)).toEqual({ format: 'longform' });
    const page = parseLongformPage(text, 'page.txt');
    expect(page.problems).toEqual([]);
    expect(page.blocks.map((b) => b.kind)).toEqual(original.blocks.map((b) => b.kind));
    expect(page.blocks.map((b) => [...blockText(b)].length)).toEqual(original.blocks.map((b) => [...blockText(b)].length));
    expect(page.dropped.map((d) => d.rule)).toEqual(original.dropped.map((d) => d.rule));
  });
});

describe('a long-form page numbering its subsections with a closing parenthesis only', () => {
  it('reads "1）…" as a heading, as it reads "（1）…"', () => {
    const text = (n: string) => `标题\n\n第一段正文,说明了一件事。\n\n${n}创造极端\n\n第二段正文,接着说明。\n`;
    const kinds = (t: string) => parseLongformPage(t, 'page.txt').blocks.map((b) => b.kind);
    expect(kinds(text('1）'))).toEqual(kinds(text('（1）')));
    expect(kinds(text('1）'))).toContain('heading');
  });
});

describe('a long-form page of two pieces without blank lines inside them, one blank line between', () => {
  it('keeps a paragraph a line and its headings, as with blank lines everywhere', () => {
    const lines = longform.split('\n');
    const piece = (from: number, to: number) => lines.slice(from, to).filter((l) => l.trim() !== '');
    const [a, b] = [piece(0, 36), piece(116, 166)];
    const read = (text: string) => parseLongformPage(text, 'page.txt').blocks;
    const everywhere = read([...a, ...b].join('\n\n'));
    expect(read(`${a.join('\n')}\n\n${b.join('\n')}`)).toEqual(everywhere);
    expect(everywhere.filter((block) => block.kind === 'heading').length).toBeGreaterThan(2);
  });
});

describe('a long-form page wrapped at a width, with blank lines between its paragraphs', () => {
  const read = (text: string) => parseLongformPage(text, 'page.txt').blocks.map((b) => `${b.kind}:${blockText(b)}`);
  it.each([
    ['a short tail', ['今天我们为大家整理了这一期的内容,希望能够给大家奉上更多', '精彩文章,欢迎继续阅读。']],
    ['a question mark alone', ['很多卖家都想知道店铺的流量到底是为什么', '呢?']],
    ['a decimal at the start of a line', ['这个类目的佣金比例一般在', '3.5%左右浮动,具体看商家的设置。']],
  ])('joins %s to its paragraph, inventing no heading', (_, lines) => {
    const text = `标题\n\n第一段。\n\n${lines.join('\n')}\n\n最后一段。\n`;
    expect(read(text)).toEqual(read(`标题\n\n第一段。\n\n${lines.join('')}\n\n最后一段。\n`));
  });
});

describe('a long-form page with an ad above its title', () => {
  it('takes the title below it, and drops the ad as it would anywhere else', () => {
    const original = parseLongformPage(longform, 'shequn-longform.txt');
    const page = parseLongformPage(`发稿网软文代写软文平台。\n\n${longform}`, 'page.txt');
    expect(page.problems).toEqual([]);
    expect(page.title).toBe(original.title);
    expect(page.blocks).toEqual(original.blocks);
    expect(page.dropped[0]).toEqual({ line: 1, rule: 'press-release ad', text: '发稿网软文代写软文平台。' });
    expect(page.dropped.slice(1).map((d) => [d.rule, d.text])).toEqual(original.dropped.map((d) => [d.rule, d.text]));
  });

  it('is a long-form page even when the ad is longer than a title may be', () => {
    const blurb = longform.split('\n').find((l) => boilerplateRule(l)?.name === 'agency blurb')!;
    expect([...blurb].length).toBeGreaterThan(100);
    expect(detectFormat(`${blurb}\n\n${longform}`)).toEqual({ format: 'longform' });
  });
});

describe('a long-form page with a sentence shaped like a meta line', () => {
  it.each([
    ['in a paragraph', longform.replace(/\n\n([^\n]+)/, '\n\n$1截至2019-06-18,本文已被转载30次')],
    ['on a short line of its own', `${longform}\n\n活动时间为2019-06-18,每人限领1次\n`],
  ])('is still a long-form page: %s', (_, text) => {
    expect(text).not.toBe(longform);
    expect(detectFormat(text)).toEqual({ format: 'longform' });
  });
});

describe('a page that is neither says what was found', () => {
  it.each([
    [
      'one long line',
      `${'这是一段没有标题的文字,'.repeat(10)}`,
      'is neither format: it has no meta line (like "2019-05-14 09:28:18529 次"), pager or breadcrumb, so it is not a listing page, ' +
        "and its first line is 120 characters long, too long for a long-form page's title (at most 100): " +
        'if it is one, put its title on a line of its own above the text',
    ],
    [
      'a single short line',
      '只有一行字,没有段落。',
      'is neither format: it has no meta line (like "2019-05-14 09:28:18529 次"), pager or breadcrumb, so it is not a listing page, ' +
        'and it is a single line, so it is not a long-form page (a title, then paragraphs)',
    ],
    [
      'markup',
      '<html><body><div class="list"><a href="/a/1.html">link</a></div></body></html>\n<p>x</p>',
      'is neither format: only 0% of its characters are Chinese (is it markup or data?), and it has no meta line ' +
        '(like "2019-05-14 09:28:18529 次"), pager or breadcrumb, so it is not a listing page',
    ],
  ])('%s', (_, text, error) => {
    expect(detectFormat(text)).toMatchObject({ error });
  });
});
