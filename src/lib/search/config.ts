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

/** Between channel names in a record's `channels` meta (a name may contain spaces). */
export const CHANNEL_SEPARATOR = '|';

/**
 * Where an article's readable text (for the excerpt) is kept, relative to the bundle. Not in the
 * record's meta: Pagefind indexes meta values too, which made every bundle about 30 % larger with
 * words no query can reach (whole runs of Chinese characters).
 */
export function textFile(url: string): string {
  const slug = url.split('/').filter(Boolean).at(-1);
  if (!slug) throw new Error(`search: no article slug in URL "${url}"`);
  return `text/${slug}.txt`;
}
