/**
 * The search bundles: Pagefind runs once over the articles' folded text (both variants index the
 * same text; in shards, see lib/search/shards.ts), then each variant gets its own copy of the
 * bundle (`/pagefind/`, `/zh-hant/pagefind/`) whose fragments hold that variant's URLs, titles,
 * channel names and excerpt text. Used by the Astro integration and by the search benchmark.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, SOURCE_LANG, type Lang } from '../../consts.ts';
import { SEARCH_BATCH, settings } from '../../config.ts';
import type { Site } from '../../lib/archive/site.ts';
import { toSimplified } from '../../lib/convert/opencc.ts';
import { folderOf } from '../../lib/urls.ts';
import { hashOf } from '../../lib/hash.ts';
import { codeVersion } from '../code-version.ts';
import { buildScriptMap } from '../../lib/search/normalise.ts';
import {
  articleText,
  fragmentFor,
  indexedText,
  INDEX_LANGUAGE,
  recordUrl,
  searchRecord,
  type FragmentView,
} from '../../lib/search/records.ts';
import { shardFolder, shardsOf } from '../../lib/search/shards.ts';
import { FolderCache } from './folder-cache.ts';
import { linkTree } from './link-tree.ts';
import { indexingThreads, ShardIndexer } from './shard-indexer.ts';
import { decodeFragment, encodeFragment, withView } from '../../lib/search/fragment.ts';
import type { Segmentation } from '../../lib/search/query.ts';
import { CONFIG_FILE, type SearchConfig } from '../../lib/search/config.ts';

/** Pagefind's index of the archive: its shards, in the build cache until the bundles are written. */
export interface SearchIndex {
  /** Each shard's folder (oldest first) and its articles' slugs. */
  shards: { dir: string; slugs: string[] }[];
  config: SearchConfig;
  records: number;
  /** Shards taken from the build cache instead of indexed. */
  reused: number;
  ms: number;
  /** The cache the shards are in (pruned once the bundles are written). */
  cache: FolderCache;
  /** The version of SEARCH_PRODUCERS the shards were made by, which the bundles made from them share. */
  codeVersion: string;
}

export interface BundleStats {
  lang: Lang;
  records: number;
  ms: number;
}

/** Pagefind's own UI, which the site does not use (it has its own, in the page's script). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];
const FRAGMENTS = 'fragment';
/**
 * The code that makes the cached shards and bundles (records, Pagefind's indexing thread, the
 * variants' rewrites), with everything it imports: a change to any of it invalidates them.
 */
export const SEARCH_PRODUCERS = ['src/integrations/search/write-indexes.ts', 'src/integrations/search/shard-worker.ts'];
/** Merged shards run on the first shard's code: only its copy of Pagefind's scripts is served. */
const CODE = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/** `onShard` hears how many shards are done (reused or indexed) of how many, from 0 on. */
export async function buildSearchIndex(
  site: Site,
  segmentation: Segmentation,
  onShard: (done: number, total: number) => void = () => {},
): Promise<SearchIndex> {
  const started = performance.now();
  // The characters of the titles and bodies (their markup holds no Han characters of its own).
  const map = buildScriptMap(
    LANGS.flatMap((lang) => site.variants[lang].articles.flatMap((a) => [a.title, a.html])),
    toSimplified,
  );
  const shards = shardsOf(site.variants[SOURCE_LANG].articles, settings.searchShardSize);
  // A shard is keyed by what its records are made from, not by the records: making them (text,
  // folding, tokens) for every shard took 20 s of a 10,000-article rebuild that reused all but one.
  // Not the query map: it holds what each character folds to, which is the same in any archive.
  const inputsOf = (i: number) => [
    segmentation,
    i,
    shards[i]!.map((a) => [a.slug, a.title, hashOf(a.html), a.channels.map((c) => c.slug), a.date.epochMs]),
  ];
  // Records are made when their shard is indexed: all at once would hold every token in memory.
  const recordsOf = (i: number) => shards[i]!.map((a) => searchRecord(a, indexedText(a.title, articleText(a.html), map), segmentation, i));

  const version = codeVersion(SEARCH_PRODUCERS);
  const cache = new FolderCache('search-shards', site.contentDir, version);
  const dirs: string[] = [];
  let next = 0;
  let done = 0;
  onShard(done, shards.length);
  // Each lane takes the next shard until none is left: cached shards are reused, the others
  // indexed on the lane's own thread.
  const lane = async () => {
    let indexer: ShardIndexer | undefined;
    try {
      for (let i = next++; i < shards.length; i = next++) {
        dirs[i] = await cache.get(inputsOf(i), (out) => (indexer ??= new ShardIndexer()).index(recordsOf(i), out));
        onShard(++done, shards.length);
      }
    } finally {
      await indexer?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(indexingThreads(), shards.length) }, lane));
  const config: SearchConfig = {
    segmentation,
    language: INDEX_LANGUAGE[segmentation],
    map,
    shards: shards.slice(1).map((_, i) => shardFolder(i + 1)),
  };
  return {
    shards: shards.map((articles, i) => ({ dir: dirs[i]!, slugs: articles.map((a) => a.slug) })),
    config,
    records: shards.flat().length,
    reused: cache.hits,
    ms: performance.now() - started,
    cache,
    codeVersion: version,
  };
}

/**
 * Each variant's bundle in `outDir`: every shard with that variant's view in its fragments. The
 * rewritten shards are cached too (an unchanged shard of an unchanged variant is linked, not
 * rewritten), and hard-linked into the output.
 */
export async function writeSearchBundles(site: Site, index: SearchIndex, outDir: string): Promise<BundleStats[]> {
  const bundles = new FolderCache('search-bundles', site.contentDir, index.codeVersion);
  const stats: BundleStats[] = [];
  for (const lang of LANGS) {
    const started = performance.now();
    const variant = site.variants[lang];
    const bundle = path.join(outDir, folderOf(lang), 'pagefind');
    for (const [i, shard] of index.shards.entries()) {
      const articles = shard.slugs.map((slug) => variant.bySlug.get(slug)!);
      // Keyed by each article's view without its text, and its body's hash: the text (the slow
      // part) is only extracted for a shard that is rewritten.
      const key = articles.map((a) => [fragmentFor(a, ''), hashOf(a.html)]);
      const dir = await bundles.get([path.basename(shard.dir), i === 0, key], (out) =>
        rewriteShard(shard.dir, out, new Map(articles.map((a) => [recordUrl(a.slug), fragmentFor(a, articleText(a.html))])), i === 0),
      );
      await linkTree(dir, path.join(bundle, shardFolder(i)));
    }
    await writeFile(path.join(bundle, CONFIG_FILE), JSON.stringify(index.config));
    stats.push({ lang, records: index.records, ms: performance.now() - started });
  }
  await Promise.all([bundles.prune(), index.cache.prune()]);
  return stats;
}

/**
 * A shard as one variant serves it: its fragments hold the variant's `views` (by record URL, which
 * Pagefind keeps as the fragment's `url`); Pagefind's code only in the first.
 */
async function rewriteShard(from: string, to: string, views: Map<string, FragmentView>, primary: boolean): Promise<void> {
  await cp(from, to, {
    recursive: true,
    filter: (file) => {
      const name = path.basename(file);
      return !UNUSED.includes(name) && name !== FRAGMENTS && (primary || !CODE.test(name));
    },
  });
  await mkdir(path.join(to, FRAGMENTS), { recursive: true });
  const names = await readdir(path.join(from, FRAGMENTS));
  for (let i = 0; i < names.length; i += SEARCH_BATCH) {
    await Promise.all(
      names.slice(i, i + SEARCH_BATCH).map(async (name) => {
        const fragment = decodeFragment(await readFile(path.join(from, FRAGMENTS, name)), name);
        const view = views.get(String(fragment.url));
        if (!view) throw new Error(`search: fragment ${name} is for "${String(fragment.url)}", which is not an article of its shard`);
        await writeFile(path.join(to, FRAGMENTS, name), encodeFragment(withView(fragment, view)));
      }),
    );
  }
}

/** Both steps at once (the search benchmark). */
export async function writeSearchIndexes(site: Site, outDir: string, segmentation: Segmentation): Promise<BundleStats[]> {
  return writeSearchBundles(site, await buildSearchIndex(site, segmentation), outDir);
}
