import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byteOrder, chunkWords, fragmentName, mergeDateSort, mergeFilters, mergeWords } from '../../../src/lib/search/merge-index.ts';
import type { PackedWord } from '../../../src/lib/search/pagefind-files.ts';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

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

  it('merges the shards words in order, numbering each shard pages after the ones before', async () => {
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
    const merged = await collect(
      mergeWords([
        { words: from(first), offset: 0 },
        { words: from(second), offset: 4 },
      ]),
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

  it('keeps every word and every page of random shards', async () => {
    // A word's pages in a shard of 5 pages; each location is the page's number in the merged index.
    const pagesOf = (word: string) => [...new Set([...word].map((c) => c.charCodeAt(0) % 5))].sort((a, b) => a - b);
    const packed = (word: string, pages: number[], offset: number): PackedWord => [
      word,
      pages.map((p, i) => [p - (i ? pages[i - 1]! : 0), [p + offset], []]),
      [],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 20 }), { maxLength: 5 }),
        async (shards) => {
          const inputs = shards.map((words, s) => ({
            words: from([...words].sort(byteOrder).map((w) => packed(w, pagesOf(w), s * 5))),
            offset: s * 5,
          }));
          const merged = await collect(mergeWords(inputs));
          expect(merged.map(([w]) => w)).toEqual([...new Set(shards.flat())].sort(byteOrder));
          for (const [word, pages] of merged) {
            const global = shards.flatMap((words, s) => (words.includes(word) ? pagesOf(word).map((p) => p + s * 5) : []));
            expect([word, pages, []]).toEqual(packed(word, global, 0));
          }
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it('refuses a word with data it does not know', async () => {
    const odd: PackedWord = ['a', [[0, [1], ['x']]], []];
    await expect(collect(mergeWords([{ words: from([odd]), offset: 0 }]))).rejects.toThrow(
      'search: the word "a" carries data this merge does not know',
    );
  });

  it('cuts chunks where Pagefind does: once a chunk holds the limit of locations and pages', async () => {
    const words: PackedWord[] = ['a', 'b', 'c', 'd', 'e'].map((w) => [w, [[0, [1, 2], []]], []]); // 3 each
    const chunks = await collect(chunkWords(from(words), 6));
    expect(chunks.map((c) => c.map(([w]) => w))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('merges filters by value and the date sort shard after shard', () => {
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
    const sorts = [
      { sorts: [['date', [1, 0]]] as [string, number[]][], offset: 0 },
      { sorts: [['date', [0, 2, 1]]] as [string, number[]][], offset: 2 },
    ];
    expect(mergeDateSort(sorts, 'date')).toEqual([['date', [1, 0, 2, 4, 3]]]);
    expect(mergeDateSort([{ sorts: [], offset: 0 }], 'date')).toEqual([]);
    expect(() => mergeDateSort([{ sorts: [['title', [0]]], offset: 0 }], 'date')).toThrow(
      'search: shards can only be merged sorted by "date", in whose order they are; not by "title"',
    );
  });

  it('names fragments by shard and page, in base 36', () => {
    expect([fragmentName(0, 0), fragmentName(35, 36)]).toEqual(['0-0', 'z-10']);
  });
});
