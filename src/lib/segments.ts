/**
 * A build in segments (`npm run build -- --segment I/N`): each of N machines renders and indexes
 * one N-th of the site, and `npm run assemble` joins them. Which part is whose is decided here,
 * from the position of a listing page in its route's list of pages, or of a search shard in the
 * list of shards (an article page goes with its article's shard: `articlesOfSegment`,
 * ./search/shards.ts): every segment reads the same content, so every segment computes the same
 * lists, and taking every N-th item spreads old and new, long and short articles evenly.
 */

/** Segment `index` (from 1) of `count`. */
export interface Segment {
  index: number;
  count: number;
}

/** What `--segment` and BUILD_SEGMENT take, for messages. */
export const SEGMENT_FORMAT = 'I/N with 1 ≤ I ≤ N, e.g. 2/3';

/** `2/3` as a segment; undefined for anything else (`0/3`, `4/3`, `2`, ` 2/3`). */
export function parseSegment(text: string): Segment | undefined {
  const match = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index <= count ? { index, count } : undefined;
}

export const formatSegment = (segment: Segment) => `${segment.index}/${segment.count}`;

/** Whether the item at `position` (from 0) of a list is segment `segment`'s; every item is a whole build's. */
export const inSegment = (position: number, segment: Segment | undefined): boolean =>
  segment === undefined || position % segment.count === segment.index - 1;

/** The items of `items` that are segment `segment`'s, in their order. */
export const shareOf = <T>(items: readonly T[], segment: Segment | undefined): T[] => items.filter((_, i) => inSegment(i, segment));
