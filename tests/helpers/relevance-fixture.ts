/**
 * The relevance test's archive: the real one (content/) plus a generated corpus, built with the
 * real pipeline; and what each query should find, computed without the search code: the built
 * article pages' title and body, folded with OpenCC to simplified, contain every space-separated
 * part of the query.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { parse } from 'yaml';
import { toSimplified } from '../../src/lib/convert/opencc.ts';
import type { Engine } from '../../src/browser/search/engine.ts';
import { buildSite } from './build-site.ts';
import { writeContent, type FixtureArticle } from './content-fixture.ts';
import { tempDir } from './temp-dirs.ts';
import { generateArticles } from '../unit/search/corpus.ts';

const REAL = path.resolve(import.meta.dirname, '../../content');

/** `extra`: articles of the test's own beside the real and generated ones. */
export async function buildRelevanceSite(
  generated: number,
  env: Record<string, string> = {},
  extra: FixtureArticle[] = [],
): Promise<string> {
  const root = await tempDir('search-relevance');
  const channels = parse(await readFile(path.join(REAL, 'channels.yaml'), 'utf8')) as { slug: string; name: string }[];
  const content = await writeContent(path.join(root, 'content'), {
    channels,
    merchants: parse(await readFile(path.join(REAL, 'merchants.yaml'), 'utf8')),
    articles: [
      ...generateArticles(
        generated,
        channels.map((c) => c.slug),
        { length: 600, seed: 42 },
      ),
      ...extra,
    ],
  });
  await cp(path.join(REAL, 'articles'), path.join(content, 'articles'), { recursive: true });
  await cp(path.join(REAL, 'glossary.yaml'), path.join(content, 'glossary.yaml')).catch(() => undefined);
  const dist = path.join(root, 'dist');
  const result = buildSite(content, dist, env);
  if (result.status !== 0) throw new Error(`the relevance site did not build:\n${result.output}`);
  return dist;
}

/** The text as a reader reads it, folded: characters that show nothing (a soft hyphen, a zero-width space) are not there to a reader. */
export const fold = (text: string) =>
  toSimplified(text)
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .normalize('NFKC')
    .toLowerCase();

/** Article URL → folded title and body text, read from the built pages of one variant. */
export async function articleTexts(dist: string, urls: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const url of urls) {
    const html = await readFile(path.join(dist, url, 'index.html'), 'utf8');
    // Blocks end a phrase: 发</p><p>货 is not 发货.
    const $ = cheerio.load(html.replace(/<\/(p|li|h\d|td|th|blockquote|div)>/g, '$&\n'));
    texts.set(url, fold(`${$('article h1').text()}\n${$('article .article-body').text()}`));
  }
  return texts;
}

export function expectedUrls(texts: Map<string, string>, query: string): Set<string> {
  const parts = fold(query).split(/\s+/).filter(Boolean);
  return new Set([...texts].filter(([, text]) => parts.every((p) => text.includes(p))).map(([url]) => url));
}

/** Article URLs of a variant: the folders under its articles/. */
export async function articleUrls(dist: string, folder: string): Promise<string[]> {
  const base = path.join(dist, folder, 'articles');
  return (await readdir(base)).map((slug) => `/${folder ? `${folder}/` : ''}articles/${slug}/`);
}

/** 44 queries: archive topics, traditional spellings, Latin words and digits, several parts. */
export const QUERIES = [
  '发货',
  '淘宝',
  '微信支付',
  '拼多多',
  '社交电商',
  '小程序',
  '天猫',
  '京东',
  '供应链',
  '蘑菇街',
  '直播',
  '会员',
  '私域流量',
  '优惠券',
  '刷单',
  '保证金',
  '开店',
  '社群',
  '生鲜',
  '投诉',
  '發貨',
  '淘寶',
  '社交電商',
  '供應鏈',
  '會員',
  '優惠券',
  '直播電商',
  '退貨率',
  'SKU',
  'App',
  '618',
  'GMV',
  'SaaS',
  '618大促',
  'AI',
  '2019年',
  '淘宝 发货',
  '微信 小程序',
  '拼多多 社交',
  '记者发现货车',
  '延迟发货',
  '现货',
  '货车',
  '发布会',
];

/** Loads a bundle's pagefind.js from the built files (in Node, where the bundle is served over HTTP). */
export const importFrom = (dist: string) => (url: string) => import(path.join(dist, new URL(url).pathname));

/** Micro-averaged precision and recall of `engine` over `queries`, with the queries that missed. */
export async function measure(engine: Engine, texts: Map<string, string>, queries: string[]) {
  let relevant = 0,
    returned = 0,
    correct = 0;
  const misses: string[] = [];
  for (const query of queries) {
    const expected = expectedUrls(texts, query);
    const hits = await engine.search(query);
    const got = new Set((await hits.load(0, hits.total)).map((r) => r.url));
    const right = [...got].filter((u) => expected.has(u)).length;
    relevant += expected.size;
    returned += got.size;
    correct += right;
    if (right !== got.size || right !== expected.size) misses.push(`${query}: expected ${expected.size}, got ${got.size}, right ${right}`);
  }
  return { precision: returned ? correct / returned : 1, recall: relevant ? correct / relevant : 1, relevant, returned, correct, misses };
}
