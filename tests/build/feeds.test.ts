/**
 * The RSS feeds of a fixture build, read as a feed reader reads them: well-formed XML, and each
 * summary shown as the text it is, markup included, never rendered as HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkXml } from '../../scripts/lib/site-checks/index.ts';
import { listFiles } from '../../scripts/lib/site-checks/tree.ts';
import { buildSite, page } from '../helpers/build-site.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { readFeed } from '../helpers/feed.ts';

let dist: string;

beforeAll(async () => {
  const root = await tempDir('feeds');
  const content = await writeContent(path.join(root, 'content'), {
    channels: [{ slug: 'jingying', name: '经营' }],
    articles: [
      {
        slug: 'written',
        title: '写好的摘要',
        date: '2019-05-14 09:00:00',
        channel: 'jingying',
        summary: '摘要 <script>alert(1)</script> & &amp;',
      },
      // Escaped in Markdown, so the body shows the tag as text; the summary is taken from that text.
      {
        slug: 'derived',
        title: '取自正文',
        date: '2019-05-13 09:00:00',
        channel: 'jingying',
        body: '正文 \\<img src=x onerror=alert(1)\\> 完。',
      },
      // A code block is not summarised; pictures alone are, by what they show; with nothing said, nothing.
      {
        slug: 'code-first',
        title: '先有代码',
        date: '2019-05-12 09:00:00',
        channel: 'jingying',
        body: '```js\nconst 鸵鸟 = 1;\n```\n\n正文在此。',
      },
      {
        slug: 'pictures',
        title: '只有图片',
        date: '2019-05-11 09:00:00',
        channel: 'jingying',
        body: '![大象在吃草](https://example.com/a.png)',
      },
      { slug: 'bare', title: '没有说明的图片', date: '2019-05-10 09:00:00', channel: 'jingying', body: '![](https://example.com/b.png)' },
    ],
  });
  dist = path.join(root, 'dist');
  const result = buildSite(content, dist);
  expect(result.status, result.output).toBe(0);
});

describe('the feeds', () => {
  // Texts the same in both scripts, so one expectation holds for every feed.
  const feeds = ['/rss.xml', '/jingying/rss.xml', '/zh-hant/rss.xml', '/zh-hant/jingying/rss.xml'];
  it.each(feeds)('%s shows each summary as written', async (feed) => {
    const items = readFeed(await readFile(path.join(dist, feed), 'utf8'));
    expect(items.map(({ shown, elements }) => ({ shown, elements }))).toEqual([
      { shown: '摘要 <script>alert(1)</script> & &amp;', elements: 0 },
      { shown: '正文 <img src=x onerror=alert(1)> 完。', elements: 0 },
      { shown: '正文在此。', elements: 0 },
      { shown: '大象在吃草', elements: 0 },
      { shown: '', elements: 0 },
    ]);
  });

  it('and the listings and pages show a summary only where there is one, the headline in its place in the description', async () => {
    for (const folder of ['', 'zh-hant/']) {
      const listing = await page(dist, `/${folder}jingying/`);
      expect(listing('.article-list > li').length).toBe(5);
      expect(
        listing('.article-list .summary')
          .map((_, p) => listing(p).text())
          .get(),
      ).toEqual(['摘要 <script>alert(1)</script> & &amp;', '正文 <img src=x onerror=alert(1)> 完。', '正文在此。', '大象在吃草']);
      const bare = await page(dist, `/${folder}articles/bare/`);
      expect(bare('meta[name="description"]').attr('content')).toBe(folder ? '沒有說明的圖片' : '没有说明的图片');
      expect(bare('meta[property="og:description"]').attr('content')).toBe(bare('meta[name="description"]').attr('content'));
      const jsonLd = JSON.parse(bare('script[type="application/ld+json"]').text()) as { description: string };
      expect(jsonLd.description).toBe(bare('meta[name="description"]').attr('content'));
    }
  });

  it('and every other XML file the build writes, parse as XML', () => {
    const xml = listFiles(dist).filter((file) => file.endsWith('.xml'));
    expect(xml).toEqual([
      'jingying/rss.xml',
      'rss.xml',
      'sitemap-0.xml',
      'sitemap-index.xml',
      'zh-hant/jingying/rss.xml',
      'zh-hant/rss.xml',
    ]);
    expect(checkXml(dist, xml)).toEqual([]);
  });
});
