/**
 * The RSS feeds of a fixture build, read as a feed reader reads them: well-formed XML, and each
 * summary shown as the text it is, markup included, never rendered as HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkXml } from '../../scripts/lib/site-checks/index.ts';
import { listFiles } from '../../scripts/lib/site-checks/tree.ts';
import { buildSite } from '../helpers/build-site.ts';
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
    ]);
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
