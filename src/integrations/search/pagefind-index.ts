/**
 * Indexes with Pagefind's own service: the comparison segmentation's shards (query.ts), which need
 * its segmenter, and once a build, its browser code and entry file, which every shard our own
 * writer makes carries (write-shard.ts).
 */
import * as pagefind from 'pagefind';
import { SEARCH_BATCH } from '../../tuning.ts';
import type { SearchRecord } from '../../lib/search/records.ts';

/** `records` indexed by Pagefind into `out`; rejects with every problem it reports. */
export async function indexWithPagefind(records: SearchRecord[], out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`search: Pagefind could not create an index: ${errors.join('; ')}`);
  const problems: string[] = [];
  for (let i = 0; i < records.length; i += SEARCH_BATCH) {
    const added = await Promise.all(records.slice(i, i + SEARCH_BATCH).map((r) => index.addCustomRecord(r)));
    added.forEach((r, j) => problems.push(...r.errors.map((e) => `${records[i + j]!.url}: ${e}`)));
  }
  problems.push(...(await index.writeFiles({ outputPath: out })).errors);
  await index.deleteIndex();
  if (problems.length) throw new Error(`search: Pagefind reported problems:\n${problems.join('\n')}`);
}

/** Stops this thread's Pagefind service (started by the first index). */
export const closePagefind = () => pagefind.close();

/** Pagefind's browser code and entry file for indexes of `language`, in `out` (with an index of one word). */
export async function writePagefindRuntime(out: string, language: string): Promise<void> {
  try {
    await indexWithPagefind([{ url: '/', content: 'a', language, filters: { channel: [] }, sort: { date: '0' } }], out);
  } finally {
    await closePagefind();
  }
}
