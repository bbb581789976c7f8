/**
 * One reader index from the shards Pagefind wrote. The build indexes the archive in shards to bound
 * its memory (shards.ts); a reader should not pay for that: a browser merging 20 shards fetched
 * every shard's metadata and one word chunk per token from each, so a query's cost grew with the
 * archive. Pagefind's browser code only needs its file formats (pagefind-files.ts), so the shards'
 * words, filters and sorts are merged here into the files one Pagefind run over the whole archive
 * would write: the browser then fetches one metadata file and the chunks of the query's words.
 *
 * Words are merged as streams in order (each shard's chunks are sorted), so memory holds one chunk
 * per shard, not the index. Pages are numbered shard after shard, so page `p` of shard `s` becomes
 * `offset(s) + p`; the shards are in date order (oldest first), so each sort's pages are the
 * shards' in turn.
 */
import type { FilterIndex, MetaSort, PackedWord, PageLocations } from './pagefind-files.ts';

/** Pagefind's own chunk size (pagefind/src/index/mod.rs): locations plus one per page, summed over a chunk's words. */
export const CHUNK_LOCATIONS = 20_000;

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

/** A shard's words in order, as they come from its chunks, and where its page numbers start. */
export interface ShardWords {
  words: AsyncIterable<PackedWord>;
  offset: number;
}

/** A word's pages with their numbers in full, `offset` added; Pagefind's files number them in steps. */
const numbered = (pages: PageLocations[], offset: number): PageLocations[] => {
  let page = 0;
  return pages.map(([step, locations, unused]) => [(page += step) + offset, locations, unused]);
};
const stepped = (pages: PageLocations[]): PageLocations[] => {
  let previous = 0;
  return pages.map(([page, locations, unused]) => {
    const step = page - previous;
    previous = page;
    return [step, locations, unused];
  });
};

/** Every shard's words in one sequence in byte order; a word in several shards has all their pages. */
export async function* mergeWords(shards: ShardWords[]): AsyncGenerator<PackedWord> {
  const heads = await Promise.all(
    shards.map(async ({ words, offset }) => {
      const iterator = words[Symbol.asyncIterator]();
      return { iterator, offset, next: await iterator.next() };
    }),
  );
  let live = heads.filter((h) => !h.next.done);
  while (live.length) {
    let word = (live[0]!.next.value as PackedWord)[0];
    for (const head of live) if (byteOrder((head.next.value as PackedWord)[0], word) < 0) word = (head.next.value as PackedWord)[0];
    const pages: PageLocations[] = [];
    // Shards in order, so the pages stay in ascending order.
    for (const head of live) {
      const current = head.next.value as PackedWord;
      if (current[0] !== word) continue;
      if (current[2].length || current[1].some((page) => page[2].length)) {
        throw new Error(
          `search: the word "${word}" carries data this merge does not know (a newer Pagefind?): ${JSON.stringify(current).slice(0, 200)}`,
        );
      }
      pages.push(...numbered(current[1], head.offset));
      head.next = await head.iterator.next();
    }
    yield [word, stepped(pages), []];
    live = live.filter((h) => !h.next.done);
  }
}

/** Words cut into chunks the way Pagefind cuts them: a chunk ends once it holds `limit` locations. */
export async function* chunkWords(words: AsyncIterable<PackedWord>, limit = CHUNK_LOCATIONS): AsyncGenerator<PackedWord[]> {
  let chunk: PackedWord[] = [];
  let size = 0;
  for await (const word of words) {
    chunk.push(word);
    size += word[1].reduce((sum, [, locations]) => sum + locations.length + 1, 0);
    if (size >= limit) {
      yield chunk;
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) yield chunk;
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

/** Where the reader index finds page `page` of shard `shard`: short, because the metadata names every page. */
export const fragmentName = (shard: number, page: number) => `${shard.toString(36)}-${page.toString(36)}`;

/**
 * The date sort's pages, shard after shard: right because the shards follow one another in date
 * order. No other sort can be merged so, and the records have no other.
 */
export function mergeDateSort(shards: { sorts: MetaSort[]; offset: number }[], key: string): MetaSort[] {
  const pages: number[] = [];
  for (const { sorts, offset } of shards) {
    for (const [name, sorted] of sorts) {
      if (name !== key) throw new Error(`search: shards can only be merged sorted by "${key}", in whose order they are; not by "${name}"`);
      pages.push(...sorted.map((p) => p + offset));
    }
  }
  return pages.length ? [[key, pages]] : [];
}
