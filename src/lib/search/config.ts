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
 * every page; and the place back from the name (Pagefind's result id), by which the search page
 * tells a result's volume and orders results by date (pages are numbered in date order).
 */
export const fragmentName = (shard: number, page: number) => `${shard.toString(36)}-${page.toString(36)}`;
export const placeOfFragment = (name: string): { shard: number; page: number } => {
  const [shard = '', page = ''] = name.split('-');
  return { shard: parseInt(shard, 36), page: parseInt(page, 36) };
};

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

/** The records' one sort key, the articles' dates: the reader index checks its pages are in its order. */
export const DATE_SORT = 'date';

/**
 * Pagefind's WebAssembly for a language without one of its own, as our records are indexed
 * (records.ts `INDEX_LANGUAGE`); the reader index checks that Pagefind's entry file names it.
 */
export const PAGEFIND_WASM = 'wasm.unknown.pagefind';

/**
 * What the search page asks for before its script runs, so that they load beside the page instead
 * of one after another (on a phone's 150 ms round trips, each wait costs): Pagefind's module, this
 * config and the WebAssembly, which the engine loads on the page's own thread (engine.ts). Not
 * Pagefind's entry file: it carries a cache-busting query.
 */
export const PRELOADED = { module: 'pagefind.js', fetched: [CONFIG_FILE, PAGEFIND_WASM] } as const;
