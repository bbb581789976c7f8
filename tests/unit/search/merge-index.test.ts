import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fragmentName, placeOfFragment } from '../../../src/lib/search/config.ts';
import {
  byteOrder,
  changedWords,
  checkDateOrder,
  chunkWords,
  mergeFilters,
  mergeWords,
  patchChunks,
  type ChangedShard,
} from '../../../src/lib/search/merge-index.ts';
import {
  decodeCborFile,
  decodeWordChunk,
  encodeCbor,
  encodeWordChunk,
  type MetaChunk,
  type PackedWord,
  type PageLocations,
  type RawWord,
  type WordChunk,
} from '../../../src/lib/search/pagefind-files.ts';

/** Words as the merge takes them, read from a chunk file of `words` (written with cborg). */
const raw = (words: PackedWord[]): RawWord[] => decodeWordChunk(file(encodeCbor([words])), 'test.pf_index');
/** Words the merge gave, as cborg reads them from their chunk file. */
const packed = (words: RawWord[]): PackedWord[] => decodeCborFile<WordChunk>(file(encodeWordChunk(words)), 'test.pf_index')[0];
const file = (payload: Uint8Array) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), payload]));

const from = <T>(items: T[]): Iterable<T> => items;
const collect = <T>(items: Iterable<T>) => [...items];

describe('the reader index merge', () => {
  it('orders words as UTF-8 bytes, as Pagefind does', () => {
    const words = ['b', 'a', '\u{20000}', '\uffff', 'ab', 'é'];
    const byBytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(byteOrder)).toEqual(byBytes);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(byteOrder(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('merges the shards words in order, numbering each shard pages after the ones before', () => {
    // Page numbers are steps from the previous page: shard one has "c" on pages 1 and 3.
    const first: PackedWord[] = [
      ['a', [[0, [1], []]], []],
      [
        'c',
        [
          [1, [2, 3], []],
          [2, [4], []],
        ],
        [],
      ],
    ];
    const second: PackedWord[] = [
      ['b', [[0, [5], []]], []],
      ['c', [[1, [-26, 7], []]], []],
    ];
    const merged = packed(
      collect(
        mergeWords([
          { words: from(raw(first)), offset: 0 },
          { words: from(raw(second)), offset: 4 },
        ]),
      ),
    );
    // "c": pages 1 and 3 of the first shard, page 1 + 4 of the second: steps 1, 2, 2.
    expect(merged).toEqual([
      ['a', [[0, [1], []]], []],
      ['b', [[4, [5], []]], []],
      [
        'c',
        [
          [1, [2, 3], []],
          [2, [4], []],
          [2, [-26, 7], []],
        ],
        [],
      ],
    ]);
  });

  it('keeps every word and every page of random shards', () => {
    // A word's pages in a shard of 5 pages; each location is the page's number in the merged index.
    const pagesOf = (word: string) => [...new Set([...word].map((c) => c.charCodeAt(0) % 5))].sort((a, b) => a - b);
    const word = (word: string, pages: number[], offset: number): PackedWord => [
      word,
      pages.map((p, i) => [p - (i ? pages[i - 1]! : 0), [p + offset], []]),
      [],
    ];
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 20 }), { maxLength: 5 }), (shards) => {
        const inputs = shards.map((words, s) => ({
          words: from(raw([...words].sort(byteOrder).map((w) => word(w, pagesOf(w), s * 5)))),
          offset: s * 5,
        }));
        const merged = packed(collect(mergeWords(inputs)));
        expect(merged.map(([w]) => w)).toEqual([...new Set(shards.flat())].sort(byteOrder));
        for (const [w, pages] of merged) {
          const global = shards.flatMap((words, s) => (words.includes(w) ? pagesOf(w).map((p) => p + s * 5) : []));
          expect([w, pages, []]).toEqual(word(w, global, 0));
        }
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  it('refuses a word with data it does not know', () => {
    for (const odd of [['a', [[0, [1], [2]]], []] as PackedWord, ['a', [[0, [1], []]], [2]] as PackedWord]) {
      expect(() => raw([odd])).toThrow('search: the word "a" in test.pf_index carries data this merge does not know (a newer Pagefind?)');
    }
  });

  it('reads and writes chunks as cborg does, whatever their numbers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ minLength: 1 }),
            fc.array(
              fc.tuple(fc.nat(2 ** 32 - 1), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), fc.constant<unknown[]>([])),
              {
                minLength: 1,
              },
            ),
            fc.constant<unknown[]>([]),
          ),
        ),
        (words) => {
          expect(packed(raw(words))).toEqual(words);
          expect(encodeWordChunk(raw(words))).toEqual(encodeCbor([words]));
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });

  it('cuts chunks at the words whose hash says so, once they hold the least, and at the most', () => {
    const words = raw(['a', 'b', 'c', 'd', 'e'].map((w) => [w, [[0, [1, 2], []]], []])); // 3 each
    const cuts = (limits: { min: number; max: number; cutEvery: number }) =>
      collect(chunkWords(from(words), { ...limits, alone: Infinity })).map((c) => c.map((w) => w.word).join(''));
    // Every hash is a multiple of 1: cut as soon as a chunk holds 6.
    expect(cuts({ min: 6, max: 100, cutEvery: 1 })).toEqual(['ab', 'cd', 'e']);
    // No hash is a multiple of 2**32: cut only at the most.
    expect(cuts({ min: 1, max: 9, cutEvery: 2 ** 32 })).toEqual(['abc', 'de']);
  });

  it('gives a heavy word a chunk of its own, so that a query for a word beside it does not download it', () => {
    const locations = { c: 20, f: 9 };
    const words = raw(
      [...'abcdefg'].map((w) => [w, [[0, Array.from({ length: locations[w as keyof typeof locations] ?? 2 }, (_, i) => i + 1), []]], []]),
    );
    const chunks = collect(chunkWords(from(words), { min: 100, max: 100, cutEvery: 2 ** 32, alone: 10 }));
    expect(chunks.map((c) => c.map((w) => w.word).join(''))).toEqual(['ab', 'c', 'de', 'f', 'g']);
  });

  it('changes only the chunk of a word whose locations changed, and at most the next', () => {
    const words = (changed: string) =>
      raw(
        Array.from({ length: 300 }, (_, i) => `w${String(i).padStart(3, '0')}`).map((w) => [
          w,
          [[0, w === changed ? [1, 2, 3] : [1], []]],
          [],
        ]),
      );
    const limits = { min: 10, max: 60, cutEvery: 5, alone: Infinity };
    const before = collect(chunkWords(from(words('')), limits)).map((c) => JSON.stringify(packed(c)));
    const after = collect(chunkWords(from(words('w100')), limits)).map((c) => JSON.stringify(packed(c)));
    expect(before.length).toBeGreaterThan(20);
    // The chunk may now reach its least size earlier and end at an earlier cut: the next one then
    // starts there and ends where it did.
    const changed = after.map((c, i) => [c, i] as const).filter(([c]) => !before.includes(c));
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(changed[0]![0]).toContain('w100');
    expect(changed.at(-1)![1] - changed[0]![1]).toBeLessThanOrEqual(1);
  });

  describe('patched after an edit', () => {
    const SIZES = { min: 4, max: 12, cutEvery: 3, alone: 9 };
    const word = fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', '字') });
    /** A shard: its page count, and each word's pages with their locations. */
    const shard = fc.integer({ min: 1, max: 4 }).chain((pages) =>
      fc.record({
        pages: fc.constant(pages),
        words: fc.dictionary(
          word,
          fc.uniqueArray(fc.tuple(fc.nat(pages - 1), fc.array(fc.nat(300), { minLength: 1, maxLength: 4 })), {
            minLength: 1,
            selector: ([page]) => page,
          }),
        ),
      }),
    );
    type Shard = { pages: number; words: Record<string, [number, number[]][]> };
    const wordsOf = ({ words }: Shard): RawWord[] =>
      raw(
        Object.entries(words)
          .sort(([a], [b]) => byteOrder(a, b))
          .map(([word, pages]) => {
            const sorted = [...pages].sort(([a], [b]) => a - b);
            return [word, sorted.map(([page, locations], i): PageLocations => [page - (sorted[i - 1]?.[0] ?? 0), locations, []]), []];
          }),
      );
    const offsetsOf = (shards: Shard[]) => shards.map((_, i) => shards.slice(0, i).reduce((sum, s) => sum + s.pages, 0));
    const merge = (shards: Shard[]) =>
      collect(chunkWords(mergeWords(shards.map((s, i) => ({ words: wordsOf(s), offset: offsetsOf(shards)[i]! }))), SIZES));
    /** The earlier merge's chunks as its metadata lists them, named by their place. */
    const listed = (chunks: RawWord[][]): MetaChunk[] => chunks.map((c, i) => [c[0]!.word, c.at(-1)!.word, String(i)]);
    const patch = (before: Shard[], after: Shard[]) => {
      const earlier = merge(before);
      const changed = after.flatMap((s, i): ChangedShard[] =>
        s === before[i] ? [] : [{ offset: offsetsOf(after)[i]!, pages: s.pages, words: changedWords(wordsOf(before[i]!), wordsOf(s)) }],
      );
      const chunks = collect(patchChunks(listed(earlier), changed, ([, , name]) => earlier[Number(name)]!, SIZES));
      return {
        words: chunks.map((c) => ('kept' in c ? earlier[Number(c.kept[2])]! : c.words)),
        kept: chunks.filter((c) => 'kept' in c).length,
      };
    };

    /** An edit of a shard: words it no longer has, and words it has now, on pages it has (a word's pages past them are dropped). */
    const edit = fc.record({ which: fc.nat(), drop: fc.array(word), put: shard.map((s) => s.words) });
    const edited = (before: Shard, { drop, put }: { drop: string[]; put: Shard['words'] }): Shard => {
      const words = { ...before.words };
      for (const w of drop) delete words[w];
      for (const [w, on] of Object.entries(put)) {
        const kept = on.filter(([page]) => page < before.pages);
        if (kept.length) words[w] = kept;
      }
      return { pages: before.pages, words };
    };

    it('patches only the words whose pages or locations changed', () => {
      const before = wordsOf({ pages: 2, words: { a: [[0, [1]]], b: [[1, [2]]], c: [[0, [3]]] } });
      const now = wordsOf({ pages: 2, words: { a: [[0, [1]]], b: [[1, [2, 5]]], d: [[1, [4]]] } });
      const changed = changedWords(before, now);
      expect([...changed.keys()].sort()).toEqual(['b', 'c', 'd']);
      expect(changed.get('c')).toBeUndefined();
      expect(packed([changed.get('d')!])).toEqual([['d', [[1, [4], []]], []]]);
    });

    it('cuts the chunks a whole merge of the shards as they are now cuts, holding the same words', () => {
      let kept = 0;
      fc.assert(
        fc.property(fc.array(shard, { minLength: 1, maxLength: 6 }), fc.array(edit, { minLength: 1, maxLength: 2 }), (before, edits) => {
          fc.pre(merge(before).length > 0); // patchChunks patches chunks; with none, the build merges anew.
          const after = [...before];
          for (const e of edits) after[e.which % after.length] = edited(after[e.which % after.length]!, e);
          const patched = patch(before, after);
          expect(patched.words.map(packed)).toEqual(merge(after).map(packed));
          kept += patched.kept;
        }),
        { seed: 13, numRuns: 400 },
      );
      // Chunks were kept, not only cut again.
      expect(kept).toBeGreaterThan(100);
    });
  });

  it('merges filters by value', () => {
    const filters = mergeFilters([
      {
        filters: [
          [
            'channel',
            [
              ['taobao', [0, 1]],
              ['jingying', [1]],
            ],
          ],
        ],
        offset: 0,
      },
      { filters: [['channel', [['taobao', [0]]]]], offset: 2 },
    ]);
    expect(filters).toEqual([
      [
        'channel',
        [
          ['jingying', [1]],
          ['taobao', [0, 1, 2]],
        ],
      ],
    ]);
  });

  it('takes shards whose pages are in date order, and names the first that is not', () => {
    const sorted = (pages: number[]) => [['date', pages]] as [string, number[]][];
    expect(() =>
      checkDateOrder(
        [
          { sorts: sorted([0, 1]), name: 'a' },
          { sorts: [], name: 'b' },
        ],
        'date',
      ),
    ).not.toThrow();
    expect(() =>
      checkDateOrder(
        [
          { sorts: sorted([0, 1]), name: 'a' },
          { sorts: sorted([0, 2, 1]), name: 'b' },
        ],
        'date',
      ),
    ).toThrow("search: b's pages are not in date order: its date sort puts page 2 at place 1.");
    expect(() => checkDateOrder([{ sorts: [['title', [0]]], name: 'a' }], 'date')).toThrow(
      'search: a is sorted by "title"; the reader index knows only the "date" order of its pages',
    );
  });

  it('names fragments by shard and page, in base 36, and reads both back', () => {
    expect([fragmentName(0, 0), fragmentName(35, 36)]).toEqual(['0-0', 'z-10']);
    expect(['0-0', 'z-10', '1a-2'].map(placeOfFragment)).toEqual([
      { shard: 0, page: 0 },
      { shard: 35, page: 36 },
      { shard: 46, page: 2 },
    ]);
  });
});
