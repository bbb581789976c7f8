/**
 * The search index is split into shards of at most `SHARD_SIZE` articles, oldest first: Pagefind
 * holds a whole index in memory while it writes it (about 1.5 GB for 1,000 articles of our tokens),
 * so shards bound the build's memory; and a shard whose records did not change is reused from the
 * build cache, so an edit re-indexes one shard and a new article (the newest) only the last.
 * The browser merges the shards (Pagefind's `mergeIndex`).
 */
import { newestFirst, type Dated } from '../archive/order.ts';

/** Articles per shard; `SEARCH_SHARD_SIZE` lets the tests build several shards from a small site. */
export const SHARD_SIZE = Number(process.env.SEARCH_SHARD_SIZE ?? 1000);

export function shardsOf<T extends Dated>(articles: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search: a shard size must be a whole number above 0, not ${size}`);
  const oldestFirst = [...articles].sort(newestFirst).reverse();
  const shards: T[][] = [];
  for (let i = 0; i < oldestFirst.length; i += size) shards.push(oldestFirst.slice(i, i + size));
  return shards.length ? shards : [[]];
}

/** Where shard `i` sits in a bundle: the first is the bundle itself (Pagefind's primary index). */
export const shardFolder = (i: number) => (i === 0 ? '' : `s${i}/`);
