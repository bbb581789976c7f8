export interface Dated {
  slug: string;
  date: { epochMs: number };
}

/** Newest first; ties broken by slug so that every build lists them in the same order. */
export function newestFirst(a: Dated, b: Dated): number {
  return b.date.epochMs - a.date.epochMs || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

export const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * The most viewed of the newest week of `items` (sorted newest first): the week ends at the newest
 * item's date, not at the build's clock, so an archive that stopped in 2019 still has a hot list
 * and every build of one commit shows the same one.
 */
export function hottestOfNewestWeek<T extends Dated & { views: number }>(items: T[], count: number): T[] {
  const newest = items[0];
  if (!newest) return [];
  const since = newest.date.epochMs - WEEK_MS;
  return items
    .filter((item) => item.date.epochMs > since)
    .sort((a, b) => b.views - a.views || newestFirst(a, b))
    .slice(0, count);
}
