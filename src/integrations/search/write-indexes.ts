/**
 * The search bundles: Pagefind runs once over the articles' folded text (both variants index the
 * same text; in shards, see lib/search/shards.ts), then each variant gets its own copy of the bundle (`/pagefind/`,
 * `/zh-hant/pagefind/`) whose fragments hold that variant's URLs, titles, channel names and
 * excerpt text. Used by the Astro integration and by the search benchmark.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LANGS, SOURCE_LANG, type Lang } from '../../consts.ts';
import type { Site } from '../../lib/site.ts';
import { toSimplified } from '../../lib/convert/opencc.ts';
import { folderOf } from '../../lib/urls.ts';
import { buildScriptMap } from '../../lib/search/normalise.ts';
import { articleText, fragmentFor, indexedText, INDEX_LANGUAGE, searchRecord } from '../../lib/search/records.ts';
import { shardFolder, shardsOf, SHARD_SIZE } from '../../lib/search/shards.ts';
import { ShardCache } from './shard-cache.ts';
import { indexingThreads, ShardIndexer } from './shard-indexer.ts';
import { decodeFragment, encodeFragment, withView } from '../../lib/search/fragment.ts';
import type { Segmentation } from '../../lib/search/query.ts';
import { CONFIG_FILE, type SearchConfig } from '../../lib/search/config.ts';

/** Pagefind's index of the archive, in a temporary folder until the bundles are written. */
export interface SearchIndex {
  dir: string;
  config: SearchConfig;
  /** Each variant's readable text per slug. */
  texts: Map<Lang, Map<string, string>>;
  records: number;
  /** Shards taken from the build cache instead of indexed. */
  reused: number;
  ms: number;
}

export interface BundleStats {
  lang: Lang;
  records: number;
  ms: number;
}

/** Fragments are rewritten in batches: all at once would open a file for every article. */
const BATCH = 200;
/** Pagefind's own UI, which the site does not use (it has its own, in the page's script). */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];
const FRAGMENTS = 'fragment';
/** Merged shards run on the first shard's code: only its copy of Pagefind's scripts is served. */
const CODE = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/** Whether a file of the index is copied as it is into a bundle (fragments are rewritten). */
function copied(relative: string): boolean {
  const name = path.basename(relative);
  if (UNUSED.includes(name) || name === FRAGMENTS) return false;
  return !(CODE.test(name) && path.dirname(relative) !== '.');
}

export async function buildSearchIndex(site: Site, segmentation: Segmentation): Promise<SearchIndex> {
  const started = performance.now();
  const texts = new Map(LANGS.map((lang) => [lang, new Map(site.variants[lang].articles.map((a) => [a.slug, articleText(a.html)]))]));
  const textsOf = (lang: Lang) => texts.get(lang)!;
  const map = buildScriptMap(
    LANGS.flatMap((lang) => site.variants[lang].articles.flatMap((a) => [a.title, textsOf(lang).get(a.slug)!])),
    toSimplified,
  );
  const shards = shardsOf(site.variants[SOURCE_LANG].articles, SHARD_SIZE);
  // Each shard's records are made when it is its turn: all of them at once would hold every
  // article's tokens in memory together.
  const recordsOf = (i: number) =>
    shards[i]!.map((a) => searchRecord(a, indexedText(a.title, textsOf(SOURCE_LANG).get(a.slug)!, map), segmentation, i));

  const dir = await mkdtemp(path.join(tmpdir(), 'yiqihui-search-'));
  const cache = new ShardCache(site.contentDir);
  let next = 0;
  // Each lane takes the next shard until none is left: cached shards are copied, the others
  // indexed on the lane's own thread.
  const lane = async () => {
    let indexer: ShardIndexer | undefined;
    try {
      for (let i = next++; i < shards.length; i = next++) {
        const records = recordsOf(i);
        const cached = await cache.get(records, (out) => (indexer ??= new ShardIndexer()).index(records, out));
        await cp(cached, path.join(dir, shardFolder(i)), { recursive: true });
      }
    } finally {
      await indexer?.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(indexingThreads(), shards.length) }, lane));
    await cache.prune();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const config: SearchConfig = { segmentation, language: INDEX_LANGUAGE[segmentation], map, shards: shards.slice(1).map((_, i) => shardFolder(i + 1)) };
  return { dir, config, texts, records: shards.flat().length, reused: cache.hits, ms: performance.now() - started };
}

/** Each variant's bundle in `outDir`: the index, with that variant's view in every fragment. */
export async function writeSearchBundles(site: Site, index: SearchIndex, outDir: string): Promise<BundleStats[]> {
  const folders = ['', ...index.config.shards];
  const fragments = (await Promise.all(folders.map(async (folder) =>
    (await readdir(path.join(index.dir, folder, FRAGMENTS))).map((name) => path.join(folder, FRAGMENTS, name))))).flat();
  const stats: BundleStats[] = [];
  for (const lang of LANGS) {
    const started = performance.now();
    const variant = site.variants[lang];
    const texts = index.texts.get(lang)!;
    const bundle = path.join(outDir, folderOf(lang), 'pagefind');
    await cp(index.dir, bundle, { recursive: true, filter: (from) => copied(path.relative(index.dir, from)) });
    await Promise.all(folders.map((folder) => mkdir(path.join(bundle, folder, FRAGMENTS), { recursive: true })));
    for (let i = 0; i < fragments.length; i += BATCH) {
      await Promise.all(fragments.slice(i, i + BATCH).map(async (name) => {
        const fragment = decodeFragment(await readFile(path.join(index.dir, name)), name);
        const slug = String(fragment.url).split('/').filter(Boolean).at(-1);
        const article = slug === undefined ? undefined : variant.bySlug.get(slug);
        if (!article) throw new Error(`search: fragment ${name} is for "${String(fragment.url)}", which is no article of ${lang}`);
        await writeFile(path.join(bundle, name), encodeFragment(withView(fragment, fragmentFor(article, texts.get(slug!)!))));
      }));
    }
    await writeFile(path.join(bundle, CONFIG_FILE), JSON.stringify(index.config));
    stats.push({ lang, records: index.records, ms: performance.now() - started });
  }
  return stats;
}

/** Both steps at once, the temporary index removed after. */
export async function writeSearchIndexes(site: Site, outDir: string, segmentation: Segmentation): Promise<BundleStats[]> {
  const index = await buildSearchIndex(site, segmentation);
  try {
    return await writeSearchBundles(site, index, outDir);
  } finally {
    await rm(index.dir, { recursive: true, force: true });
  }
}
