/**
 * Writes the reader index (lib/search/merge-index.ts) from the search shards (lib/search/shard-index.ts): Pagefind's
 * code and entry file, one metadata file, the merged word chunks and filters. Language-neutral
 * (both variants index the same text): each variant's bundle links it and adds its own fragments,
 * named as the merged metadata names them (`fragmentName`).
 *
 * Files are named by the hash of what they hold, so a chunk that an earlier reader index already
 * has (the words an edit did not touch) is linked from it instead of compressed again. And where
 * an earlier index of the same code was merged from these shards but the few an edit changed, it
 * is patched: only its chunks that hold the changed shards' words are read (merge-index.ts
 * `patchChunks`), where a whole merge reads every shard's every word.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resultOfThread } from '../thread.ts';
import { DATE_SORT, fragmentName, PAGEFIND_WASM } from '../../lib/search/config.ts';
import {
  CHUNKS,
  checkDateOrder,
  changedWords,
  chunkWords,
  mergeFilters,
  mergeWords,
  patchChunks,
  type ChangedShard,
  type PatchedChunk,
} from '../../lib/search/merge-index.ts';
import {
  BROWSER_CODE,
  ENTRY_FILE,
  decodeCborFile,
  encodeCbor,
  FILTER_DIR,
  pack,
  pagefindFile,
  WORDS_DIR,
  type Entry,
  type FilterIndex,
  type Meta,
  type MetaChunk,
  type MetaFilter,
  decodeWordChunk,
  encodeWordChunk,
  type RawWord,
} from '../../lib/search/pagefind-files.ts';
import { SEARCH_BATCH } from '../../tuning.ts';
import { linkOrCopy } from '../link-tree.ts';

export interface Shard {
  dir: string;
  entry: Entry;
  /** The index's language key (the records', e.g. `und`): one per shard. */
  language: string;
  meta: Meta;
}

export async function readShard(dir: string): Promise<Shard> {
  const entry = JSON.parse(await readFile(path.join(dir, ENTRY_FILE), 'utf8')) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`search: ${dir} holds ${languages.length} languages; a shard is indexed as one`);
  const language = languages[0]!;
  const file = path.join(dir, pagefindFile.meta(entry.languages[language]!.hash));
  const meta = decodeCborFile<Meta>(await readFile(file), file);
  if (meta[5].length) throw new Error(`search: ${file} carries data this merge does not know (a newer Pagefind?)`);
  return { dir, entry, language, meta };
}

/** The shard's pages' fragment files, by the name the reader index gives each. */
export const renamedFragments = (shard: Shard, number: number) =>
  new Map(
    shard.meta[1].map(([fragment], page) => [pagefindFile.fragmentInDir(fragment), pagefindFile.fragmentInDir(fragmentName(number, page))]),
  );

/** A shard's words, chunk after chunk, each read when the merge comes to it (on the merge's own thread). */
function* wordsOf(shard: Shard): Generator<RawWord> {
  for (const [, , name] of shard.meta[2]) {
    const file = path.join(shard.dir, pagefindFile.words(name));
    yield* decodeWordChunk(readFileSync(file), file);
  }
}

/** A chunk's words, read when it is needed. */
const readChunk = (dir: string, name: string) => {
  const file = path.join(dir, pagefindFile.words(name));
  return decodeWordChunk(readFileSync(file), file);
};

/**
 * What a reader index was merged from, in its folder (and never in a bundle, `OUTSIDE_BUNDLE`): the
 * code's version, the chunk sizes and its shards' folders (relative to it, so that a build cache
 * moved whole still finds them).
 */
const SOURCES = 'merged-from.json';
interface Sources {
  version: string;
  chunkSizes: typeof CHUNKS;
  shards: string[];
}
/** What an earlier reader index says it was merged from; undefined if it says nothing readable (a damaged cache is merged anew). */
async function readSources(dir: string): Promise<Sources | undefined> {
  try {
    const sources = JSON.parse(await readFile(path.join(dir, SOURCES), 'utf8')) as Partial<Sources> | null;
    const valid =
      typeof sources?.version === 'string' && Array.isArray(sources.shards) && sources.shards.every((shard) => typeof shard === 'string');
    return valid ? (sources as Sources) : undefined;
  } catch {
    return undefined;
  }
}

/** A reader index's files that are not linked into a bundle: its record of what it was merged from. */
export const OUTSIDE_BUNDLE: readonly string[] = [SOURCES];

/** An earlier reader index to patch, and the shards changed since it was merged. */
interface Earlier {
  dir: string;
  chunks: MetaChunk[];
  changed: ChangedShard[];
}

/**
 * Of the earlier reader indexes, the one made by this code from the most of these shards, if the
 * shards it had where these differ are still there and have as many pages as these (an edit, not
 * an article added or removed, which would move every later page).
 */
async function earlierToPatch(
  shards: Shard[],
  offsets: number[],
  reuse: string[],
  version: string,
  chunkSizes: typeof CHUNKS,
): Promise<Earlier | undefined> {
  const candidates: { dir: string; changed: number[]; before: string[] }[] = [];
  for (const dir of reuse) {
    const sources = await readSources(dir);
    if (!sources || sources.version !== version || JSON.stringify(sources.chunkSizes) !== JSON.stringify(chunkSizes)) continue;
    if (sources.shards.length !== shards.length) continue;
    const before = sources.shards.map((shard) => path.resolve(dir, shard));
    const changed = shards.flatMap((shard, i) => (before[i] === path.resolve(shard.dir) ? [] : [i]));
    if (changed.length < shards.length) candidates.push({ dir, changed, before });
  }
  for (const { dir, changed, before } of candidates.sort((a, b) => a.changed.length - b.changed.length)) {
    if (!changed.every((i) => existsSync(before[i]!))) continue;
    const earlier = await Promise.all(changed.map((i) => readShard(before[i]!)));
    if (earlier.some((shard, j) => shard.meta[1].length !== shards[changed[j]!]!.meta[1].length)) continue;
    const { meta } = await readShard(dir);
    if (!meta[2].length) continue;
    return {
      dir,
      chunks: meta[2],
      changed: changed.map((i, j): ChangedShard => ({
        offset: offsets[i]!,
        pages: shards[i]!.meta[1].length,
        words: changedWords(wordsOf(earlier[j]!), wordsOf(shards[i]!)),
      })),
    };
  }
  return undefined;
}

/**
 * Writes files named by their content's hash into `out`, at most SEARCH_BATCH at once, each
 * linked from a folder of `reuse` that has it or else compressed anew.
 */
class HashedFiles {
  private readonly names = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;
  /** Files written, and of those linked from an earlier reader index. */
  readonly stats = { files: 0, linked: 0 };

  private readonly out: string;
  private readonly reuse: string[];

  constructor(out: string, reuse: string[]) {
    this.out = out;
    this.reuse = reuse;
  }

  /** The name of `payload`'s file, written as `file(name)`. */
  async add(file: (name: string) => string, payload: Buffer): Promise<string> {
    const hash = createHash('sha256').update(payload).digest('hex');
    let length = 10;
    while (this.names.has(hash.slice(0, length))) length++;
    const name = hash.slice(0, length);
    this.names.add(name);
    await this.schedule(this.write(file(name), payload));
    return name;
  }

  /** `work` counted among the pending, waiting while SEARCH_BATCH are. */
  private async schedule(work: Promise<void>): Promise<void> {
    const pending: Promise<void> = work
      .catch((error: unknown) => void (this.failure ??= error))
      .finally(() => this.pending.delete(pending));
    this.pending.add(pending);
    if (this.pending.size >= SEARCH_BATCH) await Promise.race(this.pending);
    if (this.failure) throw this.failure;
  }

  /** A file of an earlier reader index (in folder `from`), kept under its name. */
  async keep(file: string, name: string, from: string): Promise<void> {
    this.names.add(name);
    this.stats.files++;
    this.stats.linked++;
    await this.schedule(linkOrCopy(path.join(from, file), path.join(this.out, file)));
  }

  private async write(file: string, payload: Buffer): Promise<void> {
    const target = path.join(this.out, file);
    const earlier = this.reuse.map((dir) => path.join(dir, file)).find((f) => existsSync(f));
    this.stats.files++;
    if (earlier) {
      this.stats.linked++;
      await linkOrCopy(earlier, target);
    } else {
      await writeFile(target, await pack(payload));
    }
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}

export interface ReaderIndexStats {
  files: number;
  /** Files linked from an earlier reader index instead of written. */
  linked: number;
  /** Whether an earlier reader index was patched instead of every shard merged. */
  patched: boolean;
}

export interface ReaderIndexOptions {
  /** Earlier reader indexes, never changed once made (they are in the build cache). */
  reuse?: string[];
  /**
   * The version of the code that merges (../code-version.ts). With it, the index records what it
   * was merged from, and an earlier index of the same version made from mostly the same shards is
   * patched (merge-index.ts `patchChunks`) instead of merging every shard's words again.
   */
  version?: string;
  /** The first shard's number in the archive: fragments are named by it (`fragmentName`). */
  firstShard?: number;
  chunkSizes?: typeof CHUNKS;
}

export interface ReaderIndexTask {
  dirs: string[];
  out: string;
  options: ReaderIndexOptions;
}

const THREAD = new URL('./reader-index-worker.ts', import.meta.url);

/** writeReaderIndex on a thread of its own, so that the build's main thread goes on meanwhile. */
export function writeReaderIndexOnThread(dirs: string[], out: string, options: ReaderIndexOptions = {}): Promise<ReaderIndexStats> {
  return resultOfThread<ReaderIndexStats>(THREAD, { dirs, out, options } satisfies ReaderIndexTask, "search: the reader index's thread");
}

export async function writeReaderIndex(
  dirs: string[],
  out: string,
  { reuse = [], version, firstShard = 0, chunkSizes = CHUNKS }: ReaderIndexOptions = {},
): Promise<ReaderIndexStats> {
  const shards = await Promise.all(dirs.map(readShard));
  const [first] = shards;
  if (!first) throw new Error('search: no shards to merge');
  const language = first.language;
  checkDateOrder(
    shards.map((s) => ({ sorts: s.meta[4], name: s.dir })),
    DATE_SORT,
  );
  const { wasm } = first.entry.languages[language]!;
  if (`wasm.${wasm ?? 'unknown'}.pagefind` !== PAGEFIND_WASM) {
    throw new Error(
      `search: Pagefind's entry names wasm.${wasm}.pagefind; the search page preloads ${PAGEFIND_WASM} (lib/search/config.ts)`,
    );
  }
  const offsets = shards.map((_, i) => shards.slice(0, i).reduce((sum, s) => sum + s.meta[1].length, 0));
  await mkdir(path.join(out, WORDS_DIR), { recursive: true });
  await mkdir(path.join(out, FILTER_DIR), { recursive: true });
  const files = new HashedFiles(out, reuse);

  const earlier = version === undefined ? undefined : await earlierToPatch(shards, offsets, reuse, version, chunkSizes);
  const cut: Iterable<PatchedChunk> = earlier
    ? patchChunks(earlier.chunks, earlier.changed, ([, , name]) => readChunk(earlier.dir, name), chunkSizes)
    : (function* () {
        for (const words of chunkWords(mergeWords(shards.map((s, i) => ({ words: wordsOf(s), offset: offsets[i]! }))), chunkSizes))
          yield { words };
      })();
  const chunks: MetaChunk[] = [];
  for (const chunk of cut) {
    if ('kept' in chunk) {
      const [, , name] = chunk.kept;
      await files.keep(pagefindFile.words(name), name, earlier!.dir);
      chunks.push(chunk.kept);
    } else {
      const { words } = chunk;
      const name = await files.add(pagefindFile.words, encodeWordChunk(words));
      chunks.push([words[0]!.word, words.at(-1)!.word, name]);
    }
  }

  const filterInputs = await Promise.all(
    shards.map(async (s, i) => ({
      offset: offsets[i]!,
      filters: await Promise.all(
        s.meta[3].map(async ([, name]) => {
          const file = path.join(s.dir, pagefindFile.filter(name));
          return decodeCborFile<FilterIndex>(await readFile(file), file);
        }),
      ),
    })),
  );
  const filters: MetaFilter[] = [];
  for (const filter of mergeFilters(filterInputs)) filters.push([filter[0], await files.add(pagefindFile.filter, encodeCbor(filter))]);

  const meta: Meta = [
    first.meta[0],
    shards.flatMap((s, i) => s.meta[1].map(([, ...rest], page): Meta[1][number] => [fragmentName(firstShard + i, page), ...rest])),
    chunks,
    filters,
    [],
    [],
  ];
  const metaName = await files.add(pagefindFile.meta, encodeCbor(meta));
  await files.done();
  await Promise.all(
    (await readdir(first.dir))
      .filter((name) => BROWSER_CODE.test(name))
      .map((name) => copyFile(path.join(first.dir, name), path.join(out, name))),
  );
  const entry: Entry = {
    ...first.entry,
    languages: { [language]: { ...first.entry.languages[language]!, hash: metaName, page_count: meta[1].length } },
  };
  await writeFile(path.join(out, ENTRY_FILE), JSON.stringify(entry));
  if (version !== undefined) {
    const sources: Sources = { version, chunkSizes, shards: dirs.map((dir) => path.relative(out, dir)) };
    await writeFile(path.join(out, SOURCES), JSON.stringify(sources));
  }
  return { ...files.stats, patched: earlier !== undefined };
}
