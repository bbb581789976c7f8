/** What the browser needs besides Pagefind's own bundle, written beside it as one JSON file. */
import type { ScriptMap } from './normalise.ts';
import type { Segmentation } from './query.ts';

export const CONFIG_FILE = 'yiqihui-search.json';

export interface SearchConfig {
  segmentation: Segmentation;
  /** The language the records were indexed as: Pagefind is initialised with it. */
  language: string;
  map: ScriptMap;
  /** The index's volumes, newest first: the first is the bundle itself, the others in folders of it. */
  volumes: SearchVolume[];
}

/**
 * Where the reader index finds page `page` of shard `shard`: short, because the metadata names
 * every page; and the shard back from the name (Pagefind's result id), by which the search page
 * tells a result's volume.
 */
export const fragmentName = (shard: number, page: number) => `${shard.toString(36)}-${page.toString(36)}`;
export const shardOfFragment = (name: string) => parseInt(name.slice(0, name.indexOf('-')), 36);

export interface SearchVolume {
  /** The volume's folder in the bundle (`v0/`, …), or '' for the newest. */
  path: string;
  /** Its first shard's number: a result's fragment name starts with its shard's, in base 36. */
  firstShard: number;
  /** The day of its oldest article (YYYY-MM-DD). */
  since: string;
}

/** Between channel names in a fragment's `channels` meta (a name may contain spaces). */
export const CHANNEL_SEPARATOR = '|';

/** The records' one sort key, the articles' dates: the reader index merges its shards in its order. */
export const DATE_SORT = 'date';

/**
 * What the search page asks for before its script runs, so that they load beside the page instead
 * of one after another (on a phone's 150 ms round trips, each wait costs): Pagefind's module and
 * this config. Not Pagefind's entry file (it carries a cache-busting query) nor its WebAssembly
 * (its worker fetches that itself, and a page's preload was fetched twice).
 */
export const PRELOADED = { module: 'pagefind.js', fetched: [CONFIG_FILE] } as const;
