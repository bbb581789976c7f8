/**
 * The search bundles: the articles' folded text is indexed once (both variants index the same
 * text), in shards (lib/search/shards.ts) written on threads, each with each variant's copy of its
 * fragments (its URLs, titles, channel names and excerpt text); the shards are merged into a reader
 * index per volume (reader-index.ts); each variant's bundle (`/pagefind/`, `/zh-hant/pagefind/`)
 * is those indexes with its own fragments. Used by the Astro integration and by the search benchmark.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, SOURCE_LANG, type Lang } from '../../consts.ts';
import { settings } from '../../config.ts';
import type { Site } from '../../lib/archive/site.ts';
import { bodyOf, type VariantArticle } from '../../lib/archive/variant.ts';
import { toSimplified } from '../../lib/convert/opencc.ts';
import { folderOf } from '../../lib/urls.ts';
import { codeVersion } from '../code-version.ts';
import { buildScriptMap, type ScriptMap } from '../../lib/search/normalise.ts';
import { fragmentFor, INDEX_LANGUAGE, recordSource, recordUrl } from '../../lib/search/records.ts';
import { shardNumbersOf, shardsOf, volumePath, volumesOf, type Volume } from '../../lib/search/shards.ts';
import type { Segment } from '../../lib/segments.ts';
import { cacheScope, FolderCache } from '../folder-cache.ts';
import { linkFilesOnThread } from '../link-tree.ts';
import { indexingThreads, ShardIndexer } from './shard-indexer.ts';
import type { FragmentSource } from './variant-fragments.ts';
import { writePagefindRuntime } from './pagefind-index.ts';
import { OUTSIDE_BUNDLE, writeReaderIndexOnThread, type ReaderIndexOptions } from './reader-index.ts';
import { FRAGMENT_DIR } from '../../lib/search/pagefind-files.ts';
import type { Segmentation } from '../../lib/search/query.ts';
import { CONFIG_FILE, type SearchConfig } from '../../lib/search/config.ts';

/** A shard: its number among all the archive's shards, its folder, and each variant's copy of its fragments (in the build cache too). */
export interface IndexedShard {
  number: number;
  dir: string;
  fragments: Record<Lang, string>;
}

/** The search index of the archive: its shards, in the build cache until the bundles are written. */
export interface SearchIndex {
  /** The shards this build indexed, oldest first (a segment's share of them, see lib/segments.ts). */
  shards: IndexedShard[];
  /** How many shards the whole archive has. */
  shardCount: number;
  /** The index's volumes, newest first: their shards' numbers and where each sits in a bundle. */
  volumes: Volume[];
  /**
   * Each volume's reader index (everything of its part of a bundle but the fragments), in the
   * order of `volumes`. None in a segment: `npm run assemble` makes them from every segment's shards.
   */
  readers?: string[];
  /** What the reader indexes made by this build (not taken whole from the build cache) were made of. */
  merged: MergeStats;
  config: SearchConfig;
  records: number;
  /** Shards taken from the build cache instead of indexed. */
  reused: number;
  ms: number;
  /** The caches the shards, their fragments and the reader index are in (pruned once the bundles are written). */
  caches: FolderCache[];
  /** The version of SEARCH_PRODUCERS the shards were made by, which the bundles made from them share. */
  codeVersion: string;
}

/**
 * The volumes taken whole from the build cache; of the others, the files their reader indexes were
 * written as, those linked from earlier ones, and the volumes patched (reader-index.ts).
 */
export interface MergeStats {
  held: number;
  files: number;
  linked: number;
  patched: number;
}

export interface BundleStats {
  lang: Lang;
  records: number;
}

/**
 * The code that makes the cached shards, the reader index and the bundles (records, Pagefind's
 * indexing thread, the merge, the variants' rewrites), with everything it imports: a change to any
 * of it invalidates them.
 */
export const SEARCH_PRODUCERS = [
  'src/integrations/search/write-indexes.ts',
  'src/integrations/search/shard-worker.ts',
  'src/integrations/search/reader-index.ts',
  'src/integrations/search/reader-index-worker.ts',
];

/** Made once a process (0.2 s): it is the same for every build. */
let scriptMap: ScriptMap | undefined;
/** How a build follows the index being made. */
export interface IndexWatch {
  /** How many shards are done (reused or indexed) of how many, from 0 on. */
  onShard?: (done: number, total: number) => void;
  /**
   * Shards whose fragments are ready, with the volumes of all, before the reader index is merged:
   * twice, those done when the first lane runs out of shards to take (in an edit rebuild, about
   * all those the cache had), then the rest once every lane is done. Not after a failure.
   */
  onFragments?: (shards: IndexedShard[], volumes: Volume[]) => void;
  /**
   * Volumes' reader indexes are ready (their folders in the build cache, by volume): those the
   * cache holds, all at once, before any other volume is merged; then each as it is merged. Not
   * in a segment.
   */
  onReaders?: (readers: string[], volumes: Volume[]) => void;
}

/** A segment indexes its share of the shards only. */
export async function buildSearchIndex(
  site: Site,
  segmentation: Segmentation,
  { onShard = () => {}, onFragments = () => {}, onReaders = () => {} }: IndexWatch = {},
  segment?: Segment,
): Promise<SearchIndex> {
  const started = performance.now();
  const map = (scriptMap ??= buildScriptMap(toSimplified));
  const shards = shardsOf(site.variants[SOURCE_LANG].articles, settings.searchShardSize);
  const mine = shardNumbersOf(shards, segment);
  // A shard is keyed by what its records are made from, not by the records: making them (text,
  // folding, tokens) for every shard took 20 s of a 10,000-article rebuild that reused all but one.
  // Not the query map: it holds what each character folds to, which is the same in any archive.
  const inputsOf = (i: number) => [
    segmentation,
    i,
    shards[i]!.map((a) => [a.slug, a.title, bodyOf(a).hash, a.channels.map((c) => c.slug), a.date.epochMs]),
  ];
  // Records are made when their shard is indexed: all at once would hold every token in memory.
  const sourcesOf = (i: number) => shards[i]!.map(recordSource);

  const version = codeVersion(SEARCH_PRODUCERS);
  const scope = cacheScope(site.contentDir, segment);
  const cache = new FolderCache('search-shards', scope, version);
  const runtimes = new FolderCache('search-runtime', scope, version);
  const language = INDEX_LANGUAGE[segmentation];
  // Our own shards carry Pagefind's browser code, written once by Pagefind; its own shards carry it already.
  const runtime = segmentation === 'bigram' ? await runtimes.get([language], (out) => writePagefindRuntime(out, language)) : undefined;
  const fragmentCache = new FolderCache('search-bundles', scope, version);
  const plan = volumesOf(shards, settings.searchVolumeSize);
  const volumes = plan.map((numbers, v): Volume => ({ shards: numbers, path: volumePath(v, plan.length) })).reverse();
  const dirs: string[] = [];
  const fragments: Record<Lang, string>[] = [];
  const shardAt = (i: number): IndexedShard => ({ number: i, dir: dirs[i]!, fragments: fragments[i]! });
  /** Shards done whose fragments `onFragments` has not had yet. */
  const ready: number[] = [];
  const fragmentsReady = () => {
    if (ready.length > 0) onFragments(ready.splice(0).map(shardAt), volumes);
  };
  let next = 0;
  let done = 0;
  /** Whether a lane has run out of shards to take, or failed: then the others' fragments wait for the end. */
  let laneEnded = false;
  onShard(done, mine.length);
  // Each lane takes the next shard until none is left: cached shards are reused, the others
  // indexed on the lane's own thread, and so are the variants' copies of their fragments.
  const lane = async () => {
    let indexer: ShardIndexer | undefined;
    const thread = () => (indexer ??= new ShardIndexer({ map, segmentation, runtime }));
    try {
      for (let i = mine[next++]; i !== undefined; i = mine[next++]) {
        const dir = (dirs[i] = await cache.get(inputsOf(i), (out) => thread().index(sourcesOf(i), out)));
        const copies: Partial<Record<Lang, string>> = {};
        for (const lang of LANGS) {
          const articles = shards[i]!.map((a) => site.variants[lang].bySlug.get(a.slug)!);
          // Keyed by each article's view without its text, and its body's hash: the text (the
          // slow part) is only extracted for a shard that is written again.
          const key = [path.basename(dir), i, articles.map((a) => [fragmentFor(a, ''), bodyOf(a).hash])];
          copies[lang] = await fragmentCache.get(key, (out) => thread().fragments(dir, i, articles.map(fragmentSource), out));
        }
        fragments[i] = copies as Record<Lang, string>;
        ready.push(i);
        onShard(++done, mine.length);
      }
    } catch (error) {
      laneEnded = true;
      throw error;
    } finally {
      await indexer?.close();
    }
    // No shard left to take: the fragments of those done are linked while the other lanes index
    // theirs. In a 50,000-article edit rebuild, the one shard indexed held back the links of all
    // the others by 1 s, and they ended the build.
    if (!laneEnded) fragmentsReady();
    laneEnded = true;
  };
  await Promise.all(Array.from({ length: Math.min(indexingThreads(), mine.length) }, lane));
  fragmentsReady();
  const indexed = mine.map(shardAt);
  const readers = new FolderCache('search-reader', scope, version);
  const readerInputs = (volume: Volume) => [volume.shards[0], volume.shards.map((i) => path.basename(dirs[i]!))];
  // A segment makes no reader index: `npm run assemble` makes them from every segment's shards.
  const made =
    segment === undefined
      ? await writeReaderIndexes(
          dirs,
          volumes,
          { reuse: await readers.folders(), version },
          { held: (volume) => readers.find(readerInputs(volume)), make: (volume, write) => readers.get(readerInputs(volume), write) },
          onReaders,
        )
      : undefined;
  return {
    shards: indexed,
    shardCount: shards.length,
    volumes,
    readers: made?.readers,
    merged: made?.merged ?? { held: 0, files: 0, linked: 0, patched: 0 },
    config: {
      segmentation,
      language: INDEX_LANGUAGE[segmentation],
      map,
      volumes: volumes.map((volume) => ({
        path: volume.path,
        firstShard: volume.shards[0]!,
        since: shards[volume.shards[0]!]![0]?.date.day ?? '',
      })),
    },
    records: mine.reduce((sum, i) => sum + shards[i]!.length, 0),
    reused: cache.hits,
    ms: performance.now() - started,
    caches: [cache, runtimes, fragmentCache, readers],
    codeVersion: version,
  };
}

/** What a variant's copy of an article's fragment is made from. */
function fragmentSource(article: VariantArticle): FragmentSource {
  const { content: _, ...view } = fragmentFor(article, '');
  return { record: recordUrl(article.slug), view, html: bodyOf(article).html };
}

const bundleDir = (outDir: string, lang: Lang) => path.join(outDir, folderOf(lang), 'pagefind');

/** Where the volumes' reader indexes are kept: in the build cache by a build, in the site by `npm run assemble`. */
export interface ReaderFolders {
  /** The folder of the volume's reader index, if one was made already (an earlier build). */
  held: (volume: Volume) => string | undefined;
  /** A folder for the volume's reader index, made there by `write`. */
  make: (volume: Volume, write: (out: string) => Promise<void>) => Promise<string>;
}

/**
 * Each volume's reader index, from the shards' folders (`dirs`, by shard number); `reuse`: earlier
 * reader indexes whose files may be linked (reader-index.ts). `placed` hears of the volumes'
 * folders as soon as they are there: those held already, all at once, before any other is merged;
 * then each as it is merged, one after another (a merge holds its volume's words).
 */
export async function writeReaderIndexes(
  dirs: string[],
  volumes: Volume[],
  earlier: Pick<ReaderIndexOptions, 'reuse' | 'version'>,
  folders: ReaderFolders,
  placed: (readers: string[], volumes: Volume[]) => void = () => {},
): Promise<{ readers: string[]; merged: MergeStats }> {
  const readers = volumes.map(folders.held);
  const held = volumes.flatMap((volume, v) => {
    const dir = readers[v];
    return dir === undefined ? [] : [{ volume, dir }];
  });
  const merged: MergeStats = { held: held.length, files: 0, linked: 0, patched: 0 };
  if (held.length > 0)
    placed(
      held.map((h) => h.dir),
      held.map((h) => h.volume),
    );
  for (const [v, volume] of volumes.entries()) {
    if (readers[v] !== undefined) continue;
    const shards = volume.shards.map((i) => dirs[i]!);
    const dir = await folders.make(volume, async (out) => {
      const stats = await writeReaderIndexOnThread(shards, out, { ...earlier, firstShard: volume.shards[0]! });
      merged.files += stats.files;
      merged.linked += stats.linked;
      if (stats.patched) merged.patched++;
    });
    readers[v] = dir;
    placed([dir], [volume]);
  }
  return { readers: readers as string[], merged };
}

/** The volumes' reader indexes into each variant's bundle in `outDir`: by a build, or by `npm run assemble`. */
export const linkReaderIndexes = (readers: string[], volumes: Volume[], outDir: string) =>
  linkFilesOnThread(
    LANGS.flatMap((lang) =>
      volumes.map((volume, v) => ({
        from: readers[v]!,
        to: path.join(bundleDir(outDir, lang), volume.path),
        tree: true as const,
        except: OUTSIDE_BUNDLE,
      })),
    ),
  );

/**
 * Each variant's copy of the shards' fragments into its bundle in `outDir`, each volume's in its
 * folder, where Pagefind looks for them: hard-linked from the build cache on a thread of their
 * own, as soon as the shards are done (at 50,000 articles they are 137,000 links, made while the
 * main thread works out the pages' keys and the reader index is merged).
 */
export const linkFragments = (shards: IndexedShard[], volumes: Volume[], outDir: string) =>
  linkFilesOnThread(
    LANGS.flatMap((lang) =>
      shards.map((shard) => {
        const volume = volumes.find((v) => v.shards.includes(shard.number))!;
        return { from: shard.fragments[lang], to: path.join(bundleDir(outDir, lang), volume.path, FRAGMENT_DIR), tree: true as const };
      }),
    ),
  );

/**
 * Each variant's bundle in `outDir`: the reader index (but in a segment), the fragments and the
 * config. `linked`: the links of every fragment and reader index, which the build made as each was
 * ready (its `IndexWatch` asks for both); without it, all of them are linked here, so a caller
 * passes both or neither.
 */
export async function writeSearchBundles(index: SearchIndex, outDir: string, linked?: Promise<unknown>): Promise<BundleStats[]> {
  await (linked ??
    Promise.all([
      linkFragments(index.shards, index.volumes, outDir),
      index.readers && linkReaderIndexes(index.readers, index.volumes, outDir),
    ]));
  const stats: BundleStats[] = [];
  for (const lang of LANGS) {
    const bundle = bundleDir(outDir, lang);
    // A segment may have no shard of its own (more segments than shards), and still writes the config.
    await mkdir(bundle, { recursive: true });
    await writeFile(path.join(bundle, CONFIG_FILE), JSON.stringify(index.config));
    stats.push({ lang, records: index.records });
  }
  await Promise.all(index.caches.map((c) => c.prune()));
  return stats;
}

/** Both steps at once (the search benchmark). */
export async function writeSearchIndexes(site: Site, outDir: string, segmentation: Segmentation): Promise<BundleStats[]> {
  return writeSearchBundles(await buildSearchIndex(site, segmentation), outDir);
}
