/**
 * A rebuild with the caches of the build before (as CI restores them) after writers' edits: every
 * page that shows what changed is rendered again, the rest is restored from the page store, the
 * search shards that did not change are reused, and the site is the one a cold build writes.
 */
import { existsSync, linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, page, textOf } from '../helpers/build-site.ts';
import { writeContent, type FixtureArticle } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { headersFor, parseHeadersFile } from '../helpers/static-server.ts';
import { diffTrees } from '../../scripts/lib/site-checks/determinism.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** 30 articles a day apart, newest first: a-00 is the newest. */
const articles: FixtureArticle[] = Array.from({ length: 30 }, (_, i) => ({
  slug: `a-${pad(i)}`,
  title: `文章${i}`,
  date: `2019-05-${pad(30 - i)} 10:00:00`,
  channel: 'jingying',
  body: `第${i}篇的正文。`,
}));
const fileOf = (content: string, a: FixtureArticle) =>
  path.join(content, 'articles', a.date.slice(0, 4), a.date.slice(5, 7), `${a.slug}.md`);

let dist: string;
let first: string;
let second: string;
/** The log of the third build, in which no page was added or removed. */
let third: string;
/** The files of the second build that the CDN may keep for a year, and their bytes. */
let immutable: Map<string, Buffer>;
/** Those files' bytes after a third build, in which a channel was renamed. */
let afterRename: Map<string, Buffer | undefined>;
/** The page store's file of the first build's a-25 page, by a name of its own. */
let storedA25: string;
/** The article pages of the second build's output that the page store did not hold afterwards. */
let notStored: string[];
/** The same content as the last rebuild's, built cold. */
let fresh: string;
/**
 * Shards of at most 10 articles, in volumes of at least 7: [a-29..a-21] in two shards, a-25's
 * among them; [a-20..a-14], which no edit touches; [a-13..a-04], a-08's and a-09's shard and
 * another; [a-03..a-00]. A rebuild takes the second whole from the cache, patches the first (a-25's
 * text), and merges the third (a-09 deleted moves the pages after it) and the fourth again.
 */
const SHARDS = { SEARCH_SHARD_SIZE: '10', SEARCH_VOLUME_SIZE: '7' };

beforeAll(async () => {
  const root = await tempDir('rebuild');
  const content = await writeContent(path.join(root, 'content'), { channels: [{ slug: 'jingying', name: '经营' }], articles });
  dist = path.join(root, 'dist');
  const cold = buildSite(content, dist, SHARDS);
  expect(cold.status, cold.output).toBe(0);
  first = cold.output;

  // a-08: new title; a-25 and a-00: new text; a-09: deleted. a-00 is in the newest week, whose
  // hot list every page's sidebar shows: its text is not in the sidebar, so only its own pages
  // change (a new title there would rightly render every page again).
  const retitled = fileOf(content, articles[8]!);
  await writeFile(retitled, (await readFile(retitled, 'utf8')).replace('title: 文章8', 'title: 改过的标题'));
  const edited = fileOf(content, articles[25]!);
  await writeFile(edited, (await readFile(edited, 'utf8')).replace('第25篇的正文。', '第25篇改写后的正文。'));
  const newest = fileOf(content, articles[0]!);
  await writeFile(newest, (await readFile(newest, 'utf8')).replace('第0篇的正文。', '第0篇改写后的正文。'));
  await rm(fileOf(content, articles[9]!));
  // The first build's page of a-25, which is the page store's file: a second name for it.
  linkSync(path.join(dist, 'articles/a-25/index.html'), path.join(root, 'a-25-as-stored.html'));
  storedA25 = path.join(root, 'a-25-as-stored.html');
  const rebuild = buildSite(content, dist, SHARDS);
  expect(rebuild.status, rebuild.output).toBe(0);
  second = rebuild.output;
  const pageStore = path.join(root, 'cache', 'pages');
  const stored = new Set(readdirSync(pageStore).map((name) => statSync(path.join(pageStore, name)).ino));
  notStored = ['articles', 'zh-hant/articles']
    .flatMap((folder) => readdirSync(path.join(dist, folder)).map((slug) => path.join(folder, slug, 'index.html')))
    .filter((file) => !stored.has(statSync(path.join(dist, file)).ino));

  const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((f) => `/${f}`);
  immutable = new Map(
    files.filter((f) => headersFor(rules, f).get('Cache-Control')?.includes('immutable')).map((f) => [f, readFileSync(path.join(dist, f))]),
  );
  // A renamed channel changes what search results show, not what is indexed. And every other
  // pack of bodies is gone from the build cache's body store (someone cleaning it by hand): the
  // entries that named a body in them are made again, for the same site as a cold build's.
  await writeFile(path.join(content, 'channels.yaml'), '- slug: jingying\n  name: 经营之道\n');
  const [store] = readdirSync(path.join(root, 'cache')).filter((name) => name.startsWith('bodies-'));
  const packs = readdirSync(path.join(root, 'cache', store!));
  expect(packs.length).toBeGreaterThan(30);
  for (const pack of packs.filter((_, i) => i % 2 === 0)) await rm(path.join(root, 'cache', store!, pack));
  const renamed = buildSite(content, dist, SHARDS);
  expect(renamed.status, renamed.output).toBe(0);
  third = renamed.output;
  afterRename = new Map(
    [...immutable.keys()].map((f) => [f, existsSync(path.join(dist, f)) ? readFileSync(path.join(dist, f)) : undefined]),
  );
  fresh = path.join(root, 'fresh', 'dist');
  const cold2 = buildSite(content, fresh, SHARDS);
  expect(cold2.status, cold2.output).toBe(0);
}, 240_000);

describe('a rebuild after edits', () => {
  it('shows a new title on the article, its neighbours, its listing page and its twin', async () => {
    expect(textOf((await page(dist, '/articles/a-08/'))('h1').text())).toBe('改过的标题');
    expect(textOf((await page(dist, '/zh-hant/articles/a-08/'))('h1').text())).toBe('改過的標題');
    for (const neighbour of ['a-07', 'a-10']) {
      expect((await page(dist, `/articles/${neighbour}/`))('.article-neighbours').text()).toContain('改过的标题');
    }
    expect((await page(dist, '/jingying/'))('main').text()).toContain('改过的标题');
  });

  it('shows the new text and no trace of the deleted article', async () => {
    expect((await page(dist, '/articles/a-25/'))('.article-body').text()).toContain('改写后的正文');
    expect(existsSync(path.join(dist, 'articles/a-09'))).toBe(false);
    expect(existsSync(path.join(dist, 'zh-hant/articles/a-09'))).toBe(false);
    expect((await page(dist, '/articles/a-10/'))('.article-neighbours').text()).not.toContain('文章9');
  });

  it('writes, restored pages and sitemap included, the site a cold build of the same content writes', async () => {
    expect(await diffTrees(fresh, dist)).toEqual([]);
  });

  it('writes the sitemap again when pages come or go, and otherwise links the last one from the build cache', () => {
    const reused = /sitemap from the same \d+ pages as the last build: reused/;
    expect(first).not.toMatch(reused);
    expect(second).not.toMatch(reused);
    expect(third).toMatch(reused);
    // That it is the right sitemap: the whole site against a cold build, above.
  });

  it("links the last build's pages ahead of the keys and keeps those whose key is the same, without writing into a stored page", () => {
    const ahead = (log: string) => Number(/\((\d+) linked before their keys were known\)/.exec(log)?.[1]);
    expect(ahead(second)).toBeGreaterThanOrEqual(40);
    // Every page kept from a link made ahead, as every page rendered, stays in the store for the next build.
    expect(notStored).toEqual([]);
    // The renamed channel is in every page's navigation: every page linked ahead was unlinked again.
    expect(ahead(third)).toBe(0);
    // a-25 was linked ahead from the store, then rendered again with its new text: into a file of
    // its own, not into the stored page, which every output linked to it shares.
    expect(readFileSync(storedA25, 'utf8')).toContain('第25篇的正文。');
    expect(readFileSync(storedA25, 'utf8')).not.toContain('改写后');
  });

  it('renders only the pages whose data changed and restores the others', () => {
    const restored = (log: string) => {
      const m = /\d+ pages written \((\d+) restored from the cache\)/.exec(log);
      expect(m, log).not.toBeNull();
      return Number(m![1]);
    };
    expect(restored(first)).toBe(0);
    // 62 keyed pages: 29 articles and 2 listing pages, in 2 variants. Changed for sure: a-08,
    // a-25, a-00, the neighbours a-07 and a-10, both listing pages (a-08 retitled, a-09 gone): 14.
    // Beyond those only pages whose related list shows a-08 may change: most are restored,
    // though a-00 is in every page's sidebar.
    expect(restored(second)).toBeLessThanOrEqual(62 - 14);
    expect(restored(second)).toBeGreaterThanOrEqual(40);
  });

  it('never changes a file the CDN may cache as immutable: a changed file gets a new name', () => {
    expect([...immutable.keys()].some((f) => f.startsWith('/pagefind/index/'))).toBe(true);
    expect([...immutable.keys()].some((f) => f.startsWith('/zh-hant/pagefind/filter/'))).toBe(true);
    expect([...immutable.keys()].some((f) => f.startsWith('/_astro/'))).toBe(true);
    for (const [file, bytes] of immutable) {
      const now = afterRename.get(file);
      if (now) expect(now.equals(bytes), file).toBe(true);
    }
  });

  it('reindexes only the search shards whose articles changed', () => {
    const shards = (log: string) => {
      const m = /(\d+) articles indexed \(bigram\) in (\d+) shards \((\d+) reused\)/.exec(log);
      expect(m, log).not.toBeNull();
      return { articles: Number(m![1]), shards: Number(m![2]), reused: Number(m![3]) };
    };
    // Shards of at most 10 of 30 articles: several. The edits are far apart (a-25, a-08/a-09),
    // so some shard lies between them and is reused.
    const cold = shards(first);
    expect(cold).toMatchObject({ articles: 30, reused: 0 });
    expect(cold.shards).toBeGreaterThanOrEqual(3);
    const again = shards(second);
    expect(again.articles).toBe(29);
    expect(again.reused).toBeGreaterThanOrEqual(1);
    expect(again.reused).toBeLessThan(again.shards);
  });

  it('takes the volumes no edit touched whole from the cache, and patches those it did', () => {
    const reader = (log: string) => {
      const m = /reader index: (\d+) volumes \((\d+) from the cache\), (\d+) of (\d+) files reused \((\d+) patched\)/.exec(log);
      expect(m, log).not.toBeNull();
      return { volumes: Number(m![1]), held: Number(m![2]), files: Number(m![4]), patched: Number(m![5]) };
    };
    expect(reader(first)).toMatchObject({ volumes: 4, held: 0, patched: 0 });
    expect(reader(second)).toMatchObject({ volumes: 4, held: 1, patched: 1 });
    // A renamed channel changes no indexed word: every volume came whole from the cache.
    expect(reader(third)).toMatchObject({ volumes: 4, held: 4, files: 0 });
  });
});
