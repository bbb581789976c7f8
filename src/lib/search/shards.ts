/**
 * The search index is split into shards, oldest articles first: Pagefind holds a whole index in
 * memory while it writes it (0.9–1.6 GB for 1,000 articles), so shards bound the build's memory; and a shard whose records did
 * not change is reused from the build cache. The build merges them into the reader's index, one
 * per volume of about 10,000 articles (merge-index.ts, `volumesOf`): the browser never sees a shard.
 *
 * Where a shard ends is decided by the articles themselves (content-defined, as in rsync or
 * restic): after an article whose slug hashes to a multiple of `size / 4`, once the shard has a
 * quarter of `size`, and at `size` at the latest. Counting alone would move every later boundary
 * when an article is added or removed in the middle of the archive; this way such a change
 * re-indexes its own shard and rarely the next. Shards average about half of `size`.
 */
import { newestFirst, type Dated } from '../archive/order.ts';
import { fnv1a } from '../hash.ts';
import { shareOf, type Segment } from '../segments.ts';

export function shardsOf<T extends Dated>(articles: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search: a shard size must be a whole number above 0, not ${size}`);
  const min = Math.ceil(size / 4);
  const oldestFirst = [...articles].sort(newestFirst).reverse();
  const shards: T[][] = [];
  let current: T[] = [];
  for (const article of oldestFirst) {
    current.push(article);
    if (current.length >= size || (current.length >= min && fnv1a(article.slug) % min === 0)) {
      shards.push(current);
      current = [];
    }
  }
  if (current.length || !shards.length) shards.push(current);
  return shards;
}

/** The numbers of the shards segment `segment` indexes (every one in a whole build). */
export const shardNumbersOf = (shards: readonly unknown[], segment: Segment | undefined): number[] =>
  shareOf(
    shards.map((_, i) => i),
    segment,
  );

/**
 * The slugs of segment `segment`'s articles: those of the shards it indexes, whose article pages it
 * renders too, so that it prepares the bodies of about 1/N of the archive (by page and by shard
 * apart, it would need about 2/N). Undefined in a whole build: every article is its own.
 */
export function articlesOfSegment(articles: readonly Dated[], shardSize: number, segment: Segment | undefined): Set<string> | undefined {
  if (segment === undefined) return undefined;
  const shards = shardsOf(articles, shardSize);
  return new Set(shardNumbersOf(shards, segment).flatMap((i) => shards[i]!.map((a) => a.slug)));
}

/**
 * Shards grouped into the index's volumes, oldest first, as shard numbers: a volume ends with the
 * shard that brings it to `size` articles or more. The reader searches the newest volume first
 * and the older ones when asked for more, so a first search costs what `size` articles cost,
 * whatever the archive's size. New articles go into the newest shards, so older volumes stay
 * as they are, and stay cached by the reader's browser.
 */
export function volumesOf(shards: readonly unknown[][], size: number): number[][] {
  const volumes: number[][] = [];
  let current: number[] = [];
  let articles = 0;
  for (const [i, shard] of shards.entries()) {
    current.push(i);
    articles += shard.length;
    if (articles >= size) {
      volumes.push(current);
      current = [];
      articles = 0;
    }
  }
  if (current.length || !volumes.length) volumes.push(current);
  return volumes;
}

/** A volume of the index: its shards' numbers, and where it sits in a bundle. */
export interface Volume {
  shards: number[];
  path: string;
}

/** The volumes a search config describes (newest first, by first shard), of an archive of `shardCount` shards. */
export const volumesIn = (config: readonly { path: string; firstShard: number }[], shardCount: number): Volume[] =>
  config.map(({ path, firstShard }, v) => {
    const end = v === 0 ? shardCount : config[v - 1]!.firstShard;
    return { path, shards: Array.from({ length: end - firstShard }, (_, i) => firstShard + i) };
  });

/** Where volume `v` of `count` sits in a bundle: the newest is the bundle itself (Pagefind's primary index). */
export const volumePath = (v: number, count: number) => (v === count - 1 ? '' : `v${v}/`);
