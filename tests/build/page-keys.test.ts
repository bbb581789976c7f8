/**
 * The pages' keys a build takes from the last one (src/lib/route-data/page-keys.ts): after an edit
 * of one article's body, every other page keeps its key; after a change of anything else the
 * pages print, none does. The tests' builds check every kept key against the one the page's data
 * makes (BUILD_CHECK_PAGE_KEYS, vitest.config.ts), so each build here also fails on a kept key
 * that is wrong, as the last test shows; one build runs without the check, as CI's do.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, page, textOf } from '../helpers/build-site.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

let root: string;
let content: string;
let dist: string;

/** The build's count of kept keys: [kept, all]. */
function keptKeys(output: string): [number, number] {
  const [, kept, all] = /(\d+) of (\d+) page keys were the last build's/.exec(output) ?? [];
  expect(kept, output).toBeDefined();
  return [Number(kept), Number(all)];
}

function build(env: Record<string, string> = {}) {
  const result = buildSite(content, dist, env);
  expect(result.status, result.output).toBe(0);
  return result.output;
}

const articleFile = (slug: string) => path.join(content, 'articles', '2019', '05', `${slug}.md`);

beforeAll(async () => {
  root = await tempDir('page-keys');
  content = await writeContent(path.join(root, 'content'), {
    channels: [
      { slug: 'jingying', name: '经营' },
      { slug: 'taobao', name: '淘宝' },
    ],
    articles: [
      { slug: 'a', title: '开店第一步', date: '2019-05-14 09:28:18', channel: 'jingying', views: 10, summary: '开店' },
      { slug: 'b', title: '淘宝新规', date: '2019-05-15 09:28:18', channel: 'taobao', views: 20, summary: '新规' },
      { slug: 'c', title: '社群运营', date: '2019-05-16 09:28:18', channel: 'jingying', views: 30, summary: '社群' },
      { slug: 'd', title: '直播带货', date: '2019-05-17 09:28:18', channel: 'taobao', views: 40, body: '直播间的第一句话。' },
    ],
  });
  dist = path.join(root, 'dist');
});

describe('page keys kept from the last build', () => {
  it('are none on a first build', () => {
    expect(keptKeys(build())[0]).toBe(0);
  });

  // The articles have summaries of their own: one made from the body is in lists, and a fact.
  it("after an edit of one article's body, are every page's but that article's two", async () => {
    await appendFile(articleFile('a'), '\n编者注：补充了一句。\n');
    const [kept, all] = keptKeys(build());
    expect(all).toBeGreaterThan(2);
    expect(kept).toBe(all - 2);
    expect(textOf((await page(dist, '/articles/a/'))('.article-body').text())).toContain('补充了一句');
    expect(textOf((await page(dist, '/zh-hant/articles/a/'))('.article-body').text())).toContain('補充了一句');
  });

  it('after a change of what lists print (views), are none, and the lists show it', async () => {
    const file = articleFile('b');
    await writeFile(file, (await readFile(file, 'utf8')).replace('views: 20', 'views: 987654'));
    expect(keptKeys(build())[0]).toBe(0);
    expect(textOf((await page(dist, '/taobao/'))('main').text())).toContain('987654');
  });

  it('after an edit of the opening of an article without a summary of its own, are none: its summary is made from it', async () => {
    const file = articleFile('d');
    await writeFile(file, (await readFile(file, 'utf8')).replace('直播间的第一句话。', '直播间的开场白。'));
    expect(keptKeys(build())[0]).toBe(0);
    expect(textOf((await page(dist, '/taobao/'))('main').text())).toContain('直播间的开场白');
  });

  it('unchecked, give pages the store lacks the props made when they render: the same site', () => {
    const htmlOf = () =>
      new Map(
        readdirSync(dist, { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.html'))
          .map((file) => [file, readFileSync(path.join(dist, file), 'utf8')]),
      );
    const before = htmlOf();
    rmSync(path.join(root, 'cache', 'pages'), { recursive: true });
    // An empty value is no value: the check is off.
    const [kept, all] = keptKeys(build({ BUILD_CHECK_PAGE_KEYS: '' }));
    expect(kept).toBe(all);
    expect(htmlOf()).toEqual(before);
  });

  it('that are wrong stop a build that checks them, naming the page', () => {
    const cache = path.join(root, 'cache');
    const [name] = readdirSync(cache).filter((file) => /^page-keys-.*\.json$/.test(file));
    const file = path.join(cache, name!);
    const list = JSON.parse(readFileSync(file, 'utf8')) as { pages: [string, string, string][] };
    const listing = list.pages.find(([pagePath]) => pagePath === '/jingying/')!;
    listing[1] = list.pages.find(([pagePath]) => pagePath === '/taobao/')![1];
    writeFileSync(file, JSON.stringify(list));
    const result = buildSite(content, dist);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/the last build's key for \/jingying\/ is not the key its data makes now/);
  });
});
