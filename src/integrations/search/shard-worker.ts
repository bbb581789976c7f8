/**
 * A search-indexing thread (see shard-indexer.ts): it makes the records of the shards it is sent,
 * and its own Pagefind service indexes them, one shard after another. Pagefind indexes on one
 * core, so two of these keep both busy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { SEARCH_BATCH } from '../../config.ts';
import { searchRecord, type RecordOptions, type RecordSource, type SearchRecord } from '../../lib/search/records.ts';

export type ShardTask = { articles: RecordSource[]; out: string } | 'close';
export type ShardReply = { error?: string };

async function indexShard(records: SearchRecord[], out: string): Promise<void> {
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

const options = workerData as RecordOptions;

parentPort!.on('message', async (task: ShardTask) => {
  if (task === 'close') {
    await pagefind.close();
    parentPort!.close();
    return;
  }
  try {
    await indexShard(
      task.articles.map((a) => searchRecord(a, options)),
      task.out,
    );
    parentPort!.postMessage({} satisfies ShardReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ShardReply);
  }
});
