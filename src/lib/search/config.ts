/** What the browser needs besides Pagefind's own bundle, written beside it as one JSON file. */
import type { ScriptMap } from './normalise.ts';
import type { Segmentation } from './query.ts';

export const CONFIG_FILE = 'yiqihui-search.json';

export interface SearchConfig {
  segmentation: Segmentation;
  /** The language the records were indexed as: Pagefind is initialised with it. */
  language: string;
  map: ScriptMap;
}

/** Between channel names in a fragment's `channels` meta (a name may contain spaces). */
export const CHANNEL_SEPARATOR = '|';

/** The records' one sort key, the articles' dates: the reader index merges its shards in its order. */
export const DATE_SORT = 'date';
