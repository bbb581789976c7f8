/**
 * Builds a fixture archive with the real pipeline and reads the output as a reader would: page
 * counts, pager text, order of entries, dates in Beijing time, articles in two channels.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, page, textOf } from '../helpers/build-site.ts';
import { writeContent, type FixtureArticle } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** 45 articles in 经营, one an hour going back from 2019-05-13 23:00 (Beijing). */
const hourly: FixtureArticle[] = Array.from({ length: 45 }, (_, i) => {
  const t = new Date(Date.UTC(2019, 4, 13, 23 - i));
  return {
    slug: `jy-${pad(i)}`,
    title: `经营文章${i}`,
    date: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:00:00`,
    channel: 'jingying',
    views: 100 + i,
  };
});
const community: FixtureArticle[] = Array.from({ length: 20 }, (_, i) => ({
  slug: `sq-${pad(i)}`,
  title: `社群文章${i}`,
  date: `2019-04-${pad(i + 1)} 10:00:00`,
  channel: 'shequn',
}));
const special: FixtureArticle[] = [
  { slug: 'midnight', title: '凌晨发布的文章', date: '2019-05-14 00:30:00', channel: 'jingying', views: 529, source: '一起惠返利网' },
  {
    slug: 'shared-both',
    title: '两个频道的文章',
    date: '2019-05-12 12:00:00',
    channel: ['jingying', 'shequn'],
    body: '两个频道的文章。另见[凌晨的文章](/articles/midnight/)和[社群频道](/shequn/)。',
  },
  // Same instant as jy-11 (2019-05-13 12:00): the slug breaks the tie.
  { slug: 'jy-aa-tie', title: '同一时间的文章', date: '2019-05-13T04:00:00Z', channel: 'jingying' },
  { slug: 'unpublished', title: '草稿', date: '2019-05-14 08:00:00', channel: 'jingying', draft: true },
];
const all = [...hourly, ...community, ...special];

let dist: string;
let buildOutput: string;
let phases: string[];

beforeAll(async () => {
  const root = await tempDir('archive-build');
  const content = await writeContent(path.join(root, 'content'), {
    channels: [
      { slug: 'jingying', name: '经营' },
      { slug: 'shequn', name: '社群' },
      { slug: 'kong', name: '空频道' },
    ],
    articles: all,
  });
  dist = path.join(root, 'dist');
  // A machine far from Beijing: dates must not move.
  const timings = path.join(root, 'timings.jsonl');
  const result = buildSite(content, dist, { TZ: 'America/Los_Angeles', BUILD_TIMINGS: timings });
  buildOutput = result.output;
  expect(result.status, result.output).toBe(0);
  phases = (await readFile(timings, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { phase: string }).phase);
});

describe('links in a body', () => {
  it('keep a reader in their variant: on zh-Hant pages they lead to the zh-Hant pages', async () => {
    const hrefs = async (urlPath: string) => {
      const $ = await page(dist, urlPath);
      return $('.article-body a')
        .map((_, a) => $(a).attr('href'))
        .get();
    };
    expect(await hrefs('/articles/shared-both/')).toEqual(['/articles/midnight/', '/shequn/']);
    expect(await hrefs('/zh-hant/articles/shared-both/')).toEqual(['/zh-hant/articles/midnight/', '/zh-hant/shequn/']);
  });
});

describe('the site data', () => {
  it('is loaded, validated and prepared once per build, for the pages and the search index alike', () => {
    expect(phases.filter((p) => p === 'load')).toHaveLength(1);
    expect(phases.filter((p) => p === 'convert').length).toBeGreaterThan(0);
    expect(phases).not.toContain('validate');
  });
});

/** Listing order computed from the fixture, independently of the site's code. */
function expectedOrder(channel: string): string[] {
  const epoch = (d: string) => Date.parse(d.includes('T') ? d : `${d.replace(' ', 'T')}+08:00`);
  return all
    .filter((a) => !a.draft && [a.channel].flat().includes(channel))
    .sort((a, b) => epoch(b.date) - epoch(a.date) || (a.slug < b.slug ? -1 : 1))
    .map((a) => a.slug);
}

async function listedSlugs(urlPath: string): Promise<string[]> {
  const $ = await page(dist, urlPath);
  return $('.article-list .entry-title a')
    .map((_, a) => $(a).attr('href')!.split('/').at(-2)!)
    .get();
}

describe('channel listings', () => {
  it('has one page per 20 articles, the first at /<channel>/', () => {
    expect(expectedOrder('jingying')).toHaveLength(48);
    for (const p of [
      'jingying/index.html',
      'jingying/2/index.html',
      'jingying/3/index.html',
      'shequn/index.html',
      'shequn/2/index.html',
      'kong/index.html',
    ]) {
      expect(existsSync(path.join(dist, p)), p).toBe(true);
    }
    for (const p of ['jingying/1/index.html', 'jingying/4/index.html', 'shequn/3/index.html', 'kong/2/index.html']) {
      expect(existsSync(path.join(dist, p)), p).toBe(false);
    }
  });

  it('lists 20 entries a page, newest first, ties broken by slug', async () => {
    const order = expectedOrder('jingying');
    expect(await listedSlugs('/jingying/')).toEqual(order.slice(0, 20));
    expect(await listedSlugs('/jingying/2/')).toEqual(order.slice(20, 40));
    expect(await listedSlugs('/jingying/3/')).toEqual(order.slice(40));
    expect(order.indexOf('jy-11') + 1).toBe(order.indexOf('jy-aa-tie'));
  });

  it.each([
    ['/jingying/', '1-20/48 记录 1/3 页 首页 上一页 1 2 3 下一页 尾页', ['2', '3', '下一页', '尾页']],
    ['/jingying/2/', '21-40/48 记录 2/3 页 首页 上一页 1 2 3 下一页 尾页', ['首页', '上一页', '1', '3', '下一页', '尾页']],
    ['/jingying/3/', '41-48/48 记录 3/3 页 首页 上一页 1 2 3 下一页 尾页', ['首页', '上一页', '1', '2']],
    ['/kong/', '0-0/0 记录 1/1 页 首页 上一页 1 下一页 尾页', []],
  ])('prints the legacy pager on %s', async (urlPath, text, links) => {
    const $ = await page(dist, urlPath);
    expect(textOf($('.pager').text())).toBe(text);
    expect(
      $('.pager a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(links);
    const current = urlPath === '/kong/' ? '1' : urlPath.split('/').at(-2)!.replace('jingying', '1');
    expect($('.pager [aria-current="page"]').text()).toBe(current);
  });

  it('links pager pages to the right URLs', async () => {
    const $ = await page(dist, '/jingying/2/');
    const href = (label: string) =>
      $('.pager a')
        .filter((_, a) => $(a).text() === label)
        .attr('href');
    expect([href('首页'), href('上一页'), href('下一页'), href('尾页')]).toEqual([
      '/jingying/',
      '/jingying/',
      '/jingying/3/',
      '/jingying/3/',
    ]);
  });

  it('shows each entry with title, date, views, source and a summary', async () => {
    const $ = await page(dist, '/jingying/');
    const entry = $('.article-list > li').filter((_, li) => $(li).find('a').attr('href') === '/articles/midnight/');
    expect(textOf(entry.find('.entry-title').text())).toBe('凌晨发布的文章');
    expect(textOf(entry.find('.meta').text())).toBe('来源:一起惠返利网 2019-05-14 00:30:00 529 次');
    expect(textOf(entry.find('.summary').text())).toBe('凌晨发布的文章。这是正文。');
  });

  it('lists an article of two channels in both', async () => {
    expect(await listedSlugs('/jingying/2/')).toContain('shared-both');
    expect(await listedSlugs('/shequn/')).toContain('shared-both');
  });

  it('does not publish drafts', async () => {
    const everywhere = [...(await listedSlugs('/jingying/')), ...(await listedSlugs('/jingying/2/'))];
    expect(everywhere).not.toContain('unpublished');
    expect(existsSync(path.join(dist, 'articles/unpublished'))).toBe(false);
  });

  it('prints the legacy breadcrumb', async () => {
    const $ = await page(dist, '/jingying/2/');
    expect(textOf($('.breadcrumb').text())).toBe('当前位置:首页>一起惠资讯>经营>文章列表');
  });
});

describe('article pages', () => {
  it('shows an article published at 00:30 Beijing time on its own date', async () => {
    const $ = await page(dist, '/articles/midnight/');
    expect($('h1').text()).toBe('凌晨发布的文章');
    expect($('article time').text()).toBe('2019-05-14 00:30:00');
    expect($('article time').attr('datetime')).toBe('2019-05-14T00:30:00+08:00');
    expect(textOf($('article .views').text())).toBe('529 次');
    expect(textOf($('article .source').text())).toBe('来源:一起惠返利网');
    expect(textOf($('.breadcrumb').text())).toBe('当前位置:首页>一起惠资讯>经营>凌晨发布的文章');
  });

  it('links every channel of the article, and its neighbours in its first channel', async () => {
    const $ = await page(dist, '/articles/shared-both/');
    expect(
      $('article .channels a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/jingying/', '/shequn/']);
    const order = expectedOrder('jingying');
    const i = order.indexOf('shared-both');
    const neighbours = $('.article-neighbours a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(neighbours).toEqual([`/articles/${order[i + 1]}/`, `/articles/${order[i - 1]}/`]);
  });

  it('has no previous article for the oldest one', async () => {
    const order = expectedOrder('shequn');
    const $ = await page(dist, `/articles/${order.at(-1)}/`);
    expect(textOf($('.article-neighbours p').first().text())).toBe('上一篇: 暂无文章');
  });
});

describe('home and every page', () => {
  it('links every channel and the newest articles from the home page', async () => {
    const $ = await page(dist, '/');
    expect(
      $('.channel-card h3 a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/jingying/', '/shequn/', '/kong/']);
    expect($('.article-list .entry-title a').first().attr('href')).toBe('/articles/midnight/');
  });

  it('puts channel navigation and the legacy sidebar on every page', async () => {
    for (const urlPath of ['/', '/jingying/3/', '/articles/midnight/', '/404.html']) {
      const $ = await page(dist, urlPath);
      expect(
        $('.channel-nav a')
          .map((_, a) => $(a).text())
          .get(),
        urlPath,
      ).toEqual(['首页', '经营', '社群', '空频道']);
      expect(
        $('.sidebar h2')
          .map((_, h) => $(h).text())
          .get(),
        urlPath,
      ).toEqual(['推荐商家', '每周热门资讯', '一周热门排行']);
      expect(textOf($('.merchants').text())).toBe('京东商城 最高返利56%');
    }
  });

  it('ranks the newest week by views in the sidebar', async () => {
    const $ = await page(dist, '/jingying/');
    const ranked = $('.ranking a')
      .map((_, a) => $(a).attr('href')!.split('/').at(-2))
      .get();
    // The newest article is 2019-05-14 00:30; its week goes back to 2019-05-07 00:30.
    expect(ranked[0]).toBe('midnight');
    expect(ranked.slice(1, 4)).toEqual(['jy-44', 'jy-43', 'jy-42']);
  });

  it('has a 404 page', async () => {
    const $ = await page(dist, '/404.html');
    expect($('h1').text()).toBe('页面不存在');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  it('builds without warnings for valid content', () => {
    expect(buildOutput).not.toMatch(/warning:/);
  });
});
