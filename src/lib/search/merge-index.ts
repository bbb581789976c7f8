/**
 * One reader index from the search shards (shard-index.ts). The build indexes the archive in shards to bound
 * its memory (shards.ts); a reader should not pay for that: a browser merging 20 shards fetched
 * every shard's metadata and one word chunk per token from each, so a query's cost grew with the
 * archive. Pagefind's browser code only needs its file formats (pagefind-files.ts), so the shards'
 * words and filters are merged here into the files one Pagefind run over the whole archive would
 * write, less its date sort: the browser then fetches one metadata file and the chunks of the
 * query's words.
 *
 * Words are merged as streams in order (each shard's chunks are sorted), so memory holds one chunk
 * per shard, not the index. Pages are numbered shard after shard, so page `p` of shard `s` becomes
 * `offset(s) + p`; the shards are in date order (oldest first), and so are the pages of each, so
 * the merged pages are in date order too and the index needs no date sort (checkDateOrder).
 */
import { fnv1a } from '../hash.ts';
import { pagesOf, wordOf, type FilterIndex, type MetaChunk, type MetaSort, type PageRun, type RawWord } from './pagefind-files.ts';

/**
 * Chunk sizes around Pagefind's own 20,000 (pagefind/src/index/mod.rs): a query downloads the
 * metadata, which lists every chunk, and one chunk per word, so both fewer and smaller chunks cost.
 * A word of `alone` or more (about one in thirty) has a chunk to itself: a query for any word
 * beside it downloaded it too (直通车's two words are 4 KB of the 94 KB their chunks were). At
 * 10,000 articles that took the chunk a query downloads from 32 to 21 KB, weighing words by their
 * pages, for 17 KB more metadata (BENCHMARKS.md "Search on a phone").
 */
export const CHUNKS = { min: 10_000, max: 40_000, cutEvery: 6, alone: 7_000 };

/** Byte order of UTF-8, which Pagefind (Rust strings) sorts words by; UTF-16 order differs above U+FFFF. */
export function byteOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800–DFFF) stands for a code point above U+FFFF: after every BMP character.
    const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
    if (surrogate(x) !== surrogate(y)) return surrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * A shard's words in order, as they come from its chunks, and where its page numbers start.
 * Synchronous: the merge runs on a thread of its own, where a blocking read holds up nothing else,
 * and a promise per word of every shard was overhead (a 10,000-article volume's 50 shards merged
 * in 3.8 s instead of 4.0 s).
 */
export interface ShardWords {
  words: Iterable<RawWord>;
  offset: number;
}

/** Every shard's words in one sequence in byte order; a word in several shards has all their pages. */
export function* mergeWords(shards: ShardWords[]): Generator<RawWord> {
  const heads = shards.map(({ words, offset }) => {
    const iterator = words[Symbol.iterator]();
    return { iterator, offset, next: iterator.next() };
  });
  let live = heads.filter((h) => !h.next.done);
  while (live.length) {
    let word = (live[0]!.next.value as RawWord).word;
    for (const head of live) if (byteOrder((head.next.value as RawWord).word, word) < 0) word = (head.next.value as RawWord).word;
    const runs: PageRun[] = [];
    /** The merged number of the last page so far. */
    let last = 0;
    // Shards in order, so the pages stay in ascending order. Page numbers are steps from the page
    // before, so of each shard's pages only the first changes: to a step from the last page so far.
    for (const head of live) {
      const current = head.next.value as RawWord;
      if (current.word !== word) continue;
      for (const run of current.runs) {
        runs.push({ ...run, first: run.first + head.offset - last });
        last = head.offset + run.last;
      }
      head.next = head.iterator.next();
    }
    yield { word, runs };
    live = live.filter((h) => !h.next.done);
  }
}

const sizeOf = (word: RawWord) => word.runs.reduce((sum, run) => sum + run.size, 0);

/**
 * Words cut into chunks of about Pagefind's size (a word's size: its locations plus one per page),
 * where the words say: after a word whose hash is a multiple of `cutEvery`, once the chunk holds
 * `min`, and at `max` at the latest; a word of `alone` or more on its own. Cut by count, as
 * Pagefind does, one new location would move every later chunk's end and change every later file;
 * this way an edit changes the chunks of the words it changed (and the next few at most), and the
 * others are reused (reader-index.ts, patchChunks).
 */
export function* chunkWords(words: Iterable<RawWord>, sizes = CHUNKS): Generator<RawWord[]> {
  const chunker = new Chunker(sizes);
  for (const word of words) yield* chunker.add(word);
  yield* chunker.end();
}

/** chunkWords a word at a time. Where it cuts depends only on the words since its last cut. */
class Chunker {
  private chunk: RawWord[] = [];
  private size = 0;
  private readonly sizes: typeof CHUNKS;

  constructor(sizes: typeof CHUNKS) {
    this.sizes = sizes;
  }

  /** The chunks `word` completes: none, one, or two (a word on its own, and the chunk before it). */
  add(word: RawWord): RawWord[][] {
    const { min, max, cutEvery, alone } = this.sizes;
    const done: RawWord[][] = [];
    const own = sizeOf(word);
    if (own >= alone && this.chunk.length) done.push(this.cut());
    this.chunk.push(word);
    this.size += own;
    if (own >= alone || this.size >= max || (this.size >= min && fnv1a(word.word) % cutEvery === 0)) done.push(this.cut());
    return done;
  }

  /** Whether the last word ended a chunk. */
  get atCut(): boolean {
    return this.chunk.length === 0;
  }

  /** The words since the last cut, as the last chunk. */
  end(): RawWord[][] {
    return this.atCut ? [] : [this.cut()];
  }

  private cut(): RawWord[] {
    const chunk = this.chunk;
    this.chunk = [];
    this.size = 0;
    return chunk;
  }
}

/**
 * A shard an edit changed, with as many pages as before (so no other shard's pages move): where
 * its pages start in the volume, how many there are, and its words whose pages differ from before
 * (changedWords), each with its pages now (undefined: it is on none of them now).
 */
export interface ChangedShard {
  offset: number;
  pages: number;
  words: Map<string, RawWord | undefined>;
}

/** A shard's words whose pages or locations differ between two of its versions, with their pages now (changedWords). */
export function changedWords(before: Iterable<RawWord>, now: Iterable<RawWord>): Map<string, RawWord | undefined> {
  const added = new Map([...now].map((w) => [w.word, w]));
  const changed = new Map<string, RawWord | undefined>();
  for (const word of before) {
    const current = added.get(word.word);
    added.delete(word.word);
    if (!current || !samePages(word, current)) changed.set(word.word, current);
  }
  for (const [word, current] of added) changed.set(word, current);
  return changed;
}

const samePages = (a: RawWord, b: RawWord) =>
  a.runs.length === b.runs.length &&
  a.runs.every((run, i) => {
    const other = b.runs[i]!;
    return run.pages === other.pages && run.first === other.first && Buffer.compare(run.rest, other.rest) === 0;
  });

/**
 * `word` as a whole merge would give it: its pages in an earlier merge (none if it is new), those
 * of the shards that changed it replaced by theirs now; undefined if it is on no page any more.
 */
export function patchWord(word: string, earlier: RawWord | undefined, changed: readonly ChangedShard[]): RawWord | undefined {
  const changing = changed.filter((c) => c.words.has(word));
  const replaced = (page: number) => changing.some((c) => page >= c.offset && page < c.offset + c.pages);
  const pages = earlier ? pagesOf(earlier).filter((p) => !replaced(p.page)) : [];
  for (const { offset, words } of changing) {
    const now = words.get(word);
    if (now) pages.push(...pagesOf(now).map((p) => ({ ...p, page: p.page + offset })));
  }
  pages.sort((a, b) => a.page - b.page);
  return pages.length ? wordOf(word, pages) : undefined;
}

/** A chunk of a patched merge: an earlier merge's, as it was, or words to write. */
export type PatchedChunk = { kept: MetaChunk } | { words: RawWord[] };

/**
 * The chunks the whole merge of a volume would cut, from an earlier merge's chunks (`earlier`, at
 * least one) and the shards changed since: a chunk that holds none of the words they changed, nor
 * does the next, is kept as it was, provided the cuts before it fell where they fell before
 * (a cut depends only on the words since the last one, and on the next word); the others are read
 * (`read`), patched (patchWord) and cut again. A one-article edit touches a few dozen of a
 * 10,000-article volume's chunks, where the whole merge reads every shard's every word.
 */
export function* patchChunks(
  earlier: readonly MetaChunk[],
  changed: readonly ChangedShard[],
  read: (chunk: MetaChunk) => RawWord[],
  sizes = CHUNKS,
): Generator<PatchedChunk> {
  const touched = [...new Set(changed.flatMap((c) => [...c.words.keys()]))].sort(byteOrder);
  // A word goes to the first chunk that ends at or after it, a word after them all to the last.
  const touchedIn = earlier.map(() => new Set<string>());
  let k = 0;
  for (const word of touched) {
    while (k < earlier.length - 1 && byteOrder(earlier[k]![1], word) < 0) k++;
    touchedIn[k]!.add(word);
  }
  const chunker = new Chunker(sizes);
  for (const [k, chunk] of earlier.entries()) {
    const mine = touchedIn[k]!;
    // A chunk also ends where the next begins with a word of its own (`alone`): so it is kept only
    // if the next chunk's words did not change either.
    if (!mine.size && !touchedIn[k + 1]?.size && chunker.atCut) {
      yield { kept: chunk };
      continue;
    }
    const words = new Map(read(chunk).map((w) => [w.word, w]));
    for (const word of [...new Set([...words.keys(), ...mine])].sort(byteOrder)) {
      const patched = mine.has(word) ? patchWord(word, words.get(word), changed) : words.get(word);
      if (patched) for (const done of chunker.add(patched)) yield { words: done };
    }
  }
  for (const done of chunker.end()) yield { words: done };
}

/** Each filter's values with the pages of every shard, values in byte order. */
export function mergeFilters(shards: { filters: FilterIndex[]; offset: number }[]): FilterIndex[] {
  const merged = new Map<string, Map<string, number[]>>();
  for (const { filters, offset } of shards) {
    for (const [filter, values] of filters) {
      const byValue = merged.get(filter) ?? merged.set(filter, new Map()).get(filter)!;
      for (const [value, pages] of values) {
        const all = byValue.get(value) ?? byValue.set(value, []).get(value)!;
        all.push(...pages.map((p) => p + offset));
      }
    }
  }
  return [...merged]
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([filter, values]) => [filter, [...values].sort(([a], [b]) => byteOrder(a, b))]);
}

/**
 * Checks that each shard's pages are in date order, oldest first, which the reader index relies
 * on instead of keeping the date sort: the records are given to Pagefind in date order and it
 * numbers pages as they come, keeping ties in that order, so the sort is 0, 1, 2, … and the
 * search page orders results by their pages' places (lib/search/config.ts `placeOfFragment`).
 * Kept in the metadata, that sort cost every reader 21 KB of its 100 KB at 10,000 articles.
 */
export function checkDateOrder(shards: { sorts: MetaSort[]; name: string }[], key: string): void {
  for (const { sorts, name } of shards) {
    for (const [sort, pages] of sorts) {
      if (sort !== key)
        throw new Error(`search: ${name} is sorted by "${sort}"; the reader index knows only the "${key}" order of its pages`);
      const out = pages.findIndex((page, i) => page !== i);
      if (out !== -1) {
        throw new Error(
          `search: ${name}'s pages are not in date order: its date sort puts page ${pages[out]} at place ${out}. ` +
            'The records must be indexed oldest first, as shardsOf gives them.',
        );
      }
    }
  }
}
