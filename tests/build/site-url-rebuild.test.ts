/**
 * The site's address (SITE_URL) is part of what pages print: canonical links, and whether a link in
 * an article leaves the site (`rel="noopener noreferrer"`). A rebuild with the caches of a build
 * for another address, as when the archive moves, prints the new one everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, page } from '../helpers/build-site.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const OLD = 'https://old.example';
const NEW = 'https://new.example';
let dist: string;

beforeAll(async () => {
  const root = await tempDir('site-url');
  const content = await writeContent(path.join(root, 'content'), {
    channels: [{ slug: 'jingying', name: '经营' }],
    articles: [
      {
        slug: 'moved',
        title: '搬家',
        date: '2019-05-14 09:28:18',
        channel: 'jingying',
        body: `见[旧址](${OLD}/jingying/)和[新址](${NEW}/jingying/)。`,
      },
    ],
  });
  dist = path.join(root, 'dist');
  for (const site of [OLD, NEW]) {
    const result = buildSite(content, dist, { SITE_URL: site });
    expect(result.status, result.output).toBe(0);
  }
});

describe('a rebuild for a new SITE_URL with the last build caches', () => {
  it('marks links to the old address as leaving the site, and not those to the new one', async () => {
    for (const folder of ['', '/zh-hant']) {
      const $ = await page(dist, `${folder}/articles/moved/`);
      expect($(`.article-body a[href="${OLD}/jingying/"]`).attr('rel')).toBe('noopener noreferrer');
      expect($(`.article-body a[href="${NEW}/jingying/"]`).attr('rel')).toBeUndefined();
    }
  });

  it('gives every page its canonical link at the new address', async () => {
    for (const url of ['/', '/jingying/', '/articles/moved/', '/zh-hant/articles/moved/']) {
      const $ = await page(dist, url);
      expect($('link[rel="canonical"]').attr('href')).toBe(`${NEW}${url}`);
    }
  });

  it('lists the pages at the new address in the sitemaps, the feeds and robots.txt', () => {
    for (const file of ['sitemap-index.xml', 'sitemap-0.xml', 'rss.xml', 'zh-hant/rss.xml', 'jingying/rss.xml', 'robots.txt']) {
      expect(readFileSync(path.join(dist, file), 'utf8'), file).toContain(`${NEW}/`);
    }
  });

  it('has the old address nowhere but in the link the article makes to it', () => {
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const withOld = files
      .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
      .map((file) => [file, readFileSync(path.join(dist, file), 'utf8').split(OLD).length - 1] as const)
      .filter(([, count]) => count > 0);
    expect(withOld).toEqual([
      ['articles/moved/index.html', 1],
      ['zh-hant/articles/moved/index.html', 1],
    ]);
  });
});
