/**
 * A search-indexing thread (see shard-indexer.ts): it makes the records of the shards it is sent
 * and writes each shard's index (write-shard.ts), or has its own Pagefind service index them for
 * the comparison segmentation (pagefind-index.ts), one shard after another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchRecord, type RecordSource } from '../../lib/search/records.ts';
import { closePagefind, indexWithPagefind } from './pagefind-index.ts';
import type { ShardWorkerData } from './shard-indexer.ts';
import { writeShard } from './write-shard.ts';

export type ShardTask = { articles: RecordSource[]; out: string } | 'close';
export type ShardReply = { error?: string };

const { runtime, ...options } = workerData as ShardWorkerData;

parentPort!.on('message', async (task: ShardTask) => {
  if (task === 'close') {
    if (options.segmentation !== 'bigram') await closePagefind();
    parentPort!.close();
    return;
  }
  try {
    const records = task.articles.map((a) => searchRecord(a, options));
    if (options.segmentation !== 'bigram') await indexWithPagefind(records, task.out);
    else if (runtime === undefined) throw new Error("search: a shard's thread was started without Pagefind's browser code");
    else await writeShard(records, task.out, runtime);
    parentPort!.postMessage({} satisfies ShardReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ShardReply);
  }
});
