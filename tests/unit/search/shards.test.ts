import { describe, expect, it } from 'vitest';
import { articlesOfSegment, shardNumbersOf, shardsOf, volumePath, volumesIn, volumesOf } from '../../../src/lib/search/shards.ts';
import { seededRandom } from './corpus.ts';

const DAY = 24 * 3600 * 1000;
const article = (slug: string, day: number) => ({ slug, date: { epochMs: Date.UTC(2012, 0, 1) + day * DAY } });
const slugs = (shards: { slug: string }[][]) => shards.map((s) => s.map((a) => a.slug));
/** An archive of `n` articles, one a day. */
const archive = (n: number) => Array.from({ length: n }, (_, i) => article(`a-${i}`, i));

describe('search shards', () => {
  it('hold every article once, oldest first, none above the size', () => {
    const shards = shardsOf(archive(5000), 400);
    expect(shards.flat().map((a) => a.slug)).toEqual(archive(5000).map((a) => a.slug));
    for (const shard of shards) expect(shard.length).toBeLessThanOrEqual(400);
    // Content-defined ends: on average about half the size, so neither one shard nor one per article.
    expect(shards.length).toBeGreaterThan(5000 / 400);
    expect(shards.length).toBeLessThan(5000 / 100);
  });

  it('change in one place, now and then a few, when an article is added or removed anywhere', () => {
    const next = seededRandom(3);
    const before = shardsOf(archive(3000), 200);
    const key = (shard: { slug: string }[]) => shard.map((a) => a.slug).join(' ');
    const kept = new Set(before.map(key));
    // Shards not in the old set must be re-indexed: the one the change is in, and the next ones
    // when it moved a boundary (until the content-defined ends line up again).
    const reindexed = (shards: { slug: string }[][]) => shards.filter((s) => !kept.has(key(s))).length;
    const counts: number[] = [];
    for (let trial = 0; trial < 100; trial++) {
      const day = Math.floor(next() * 3000);
      counts.push(reindexed(shardsOf([...archive(3000), article(`new-${trial}`, day + 0.5)], 200)));
      counts.push(
        reindexed(
          shardsOf(
            archive(3000).filter((a) => a.slug !== `a-${day}`),
            200,
          ),
        ),
      );
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThan(1.5);
  });

  it('are one empty shard for an empty archive (the bundle still exists)', () => {
    expect(shardsOf([], 1000)).toEqual([[]]);
  });

  it('put ties in the same order every time', () => {
    const tied = [article('b', 1), article('a', 1), article('c', 1)];
    expect(slugs(shardsOf(tied, 10))).toEqual(slugs(shardsOf([...tied].reverse(), 10)));
  });

  it('refuse a size that is not a whole number above 0', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => shardsOf(archive(3), size)).toThrow(`not ${size}`);
  });
});

describe('search volumes', () => {
  const sized = (...sizes: number[]) => sizes.map((n) => Array.from({ length: n }, () => 0));

  it('group shards oldest first, each ending with the shard that brings it to the size', () => {
    expect(volumesOf(sized(4, 4, 4, 4, 4), 10)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(volumesOf(sized(10, 3), 10)).toEqual([[0], [1]]);
    expect(volumesOf(sized(3), 10)).toEqual([[0]]);
  });

  it('keep the older volumes as they are when newer articles come', () => {
    const before = volumesOf(sized(4, 4, 4, 4, 1), 10);
    const after = volumesOf(sized(4, 4, 4, 4, 4, 4, 4), 10);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
  });

  it('sit in the bundle (the newest) and in numbered folders, and are read back from the config', () => {
    const volumes = volumesOf(sized(4, 4, 4, 4, 4, 4, 4), 10);
    expect(volumes.map((_, v) => volumePath(v, volumes.length))).toEqual(['v0/', 'v1/', '']);
    const config = volumes.map((shards, v) => ({ path: volumePath(v, volumes.length), firstShard: shards[0]! })).reverse();
    expect(volumesIn(config, 7)).toEqual([
      { path: '', shards: [6] },
      { path: 'v1/', shards: [3, 4, 5] },
      { path: 'v0/', shards: [0, 1, 2] },
    ]);
  });
});

describe("a segment's articles", () => {
  it("are those of every N-th shard, so that each article is one segment's, whole shards at a time", () => {
    const articles = archive(2000);
    const shards = shardsOf(articles, 100);
    const segments = [1, 2, 3].map((index) => articlesOfSegment(articles, 100, { index, count: 3 })!);
    expect(shardNumbersOf(shards, { index: 2, count: 3 })).toEqual(shards.map((_, i) => i).filter((i) => i % 3 === 1));
    segments.forEach((own, s) => {
      for (const [i, shard] of shards.entries()) for (const a of shard) expect(own.has(a.slug)).toBe(i % 3 === s);
    });
    expect(segments.reduce((sum, own) => sum + own.size, 0)).toBe(2000);
    // Roughly a third each: shards end where the articles say, so not exactly.
    for (const own of segments) expect(own.size).toBeGreaterThan(2000 / 4);
  });

  it('are every article in a whole build', () => {
    expect(articlesOfSegment(archive(10), 4, undefined)).toBeUndefined();
    expect(shardNumbersOf([[], [], []], undefined)).toEqual([0, 1, 2]);
  });
});
