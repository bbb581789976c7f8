/**
 * The relevance test's archive: the real one (content/) plus a generated corpus, built with the
 * real pipeline; and what each query should find, computed without the search code: the built
 * article pages' title and body, folded with OpenCC to simplified, contain every space-separated
 * part of the query.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { parse } from 'yaml';
import { toSimplified } from '../../src/lib/convert/opencc.ts';
import { buildSite } from '../helpers/build-site.ts';
import { tempDir, writeContent } from '../helpers/content-fixture.ts';
import { generateArticles } from './corpus.ts';

const REAL = path.resolve(import.meta.dirname, '../../content');

export async function buildRelevanceSite(generated: number): Promise<string> {
  const root = await tempDir('search-relevance');
  const channels = parse(await readFile(path.join(REAL, 'channels.yaml'), 'utf8')) as { slug: string; name: string }[];
  const content = await writeContent(path.join(root, 'content'), {
    channels,
    merchants: parse(await readFile(path.join(REAL, 'merchants.yaml'), 'utf8')),
    articles: generateArticles(generated, channels.map((c) => c.slug), { length: 600, seed: 42 }),
  });
  await cp(path.join(REAL, 'articles'), path.join(content, 'articles'), { recursive: true });
  await cp(path.join(REAL, 'glossary.yaml'), path.join(content, 'glossary.yaml')).catch(() => undefined);
  const dist = path.join(root, 'dist');
  const result = buildSite(content, dist);
  if (result.status !== 0) throw new Error(`the relevance site did not build:\n${result.output}`);
  return dist;
}

export const fold = (text: string) => toSimplified(text).normalize('NFKC').toLowerCase();

/** Article URL → folded title and body text, read from the built pages of one variant. */
export async function articleTexts(dist: string, folder: string, urls: string[]): Promise<Map<string, string>> {
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

/** Article URLs of a variant, from its sitemap-free source of truth: the articles folder. */
export async function articleUrls(dist: string, folder: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const base = path.join(dist, folder, 'articles');
  return (await readdir(base)).map((slug) => `/${folder ? `${folder}/` : ''}articles/${slug}/`);
}
