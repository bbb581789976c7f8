/**
 * A search-indexing thread (see shard-indexer.ts): it makes the records of the shards it is sent
 * and writes each shard's index (write-shard.ts), or has its own Pagefind service index them for
 * the comparison segmentation (pagefind-index.ts), one shard after another; and each variant's
 * copy of a shard's fragments (variant-fragments.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { articleText, searchRecord, type RecordSource } from '../../lib/search/records.ts';
import { closePagefind, indexWithPagefind } from './pagefind-index.ts';
import type { ShardWorkerData } from './shard-indexer.ts';
import { writeShard } from './write-shard.ts';
import { writeVariantFragments, type FragmentSource } from './variant-fragments.ts';

export type ShardTask =
  | { kind: 'shard'; articles: RecordSource[]; out: string }
  | { kind: 'fragments'; shard: string; number: number; sources: FragmentSource[]; out: string }
  | 'close';
export type ShardReply = { error?: string };

const { runtime, ...options } = workerData as ShardWorkerData;

/**
 * The text of the last shard's bodies, by HTML: the source variant's fragments show the text its
 * records were made from, which is not extracted twice.
 */
let texts = new Map<string, string>();
const textOf = (html: string) => texts.get(html) ?? articleText(html);

async function run(task: Exclude<ShardTask, 'close'>): Promise<void> {
  if (task.kind === 'fragments') return writeVariantFragments(task.shard, task.number, task.out, task.sources, textOf);
  texts = new Map(task.articles.map((a) => [a.html, articleText(a.html)]));
  const records = task.articles.map((a) => searchRecord(a, options, texts.get(a.html)!));
  if (options.segmentation !== 'bigram') await indexWithPagefind(records, task.out);
  else if (runtime === undefined) throw new Error("search: a shard's thread was started without Pagefind's browser code");
  else await writeShard(records, task.out, runtime);
}

parentPort!.on('message', async (task: ShardTask) => {
  if (task === 'close') {
    if (options.segmentation !== 'bigram') await closePagefind();
    parentPort!.close();
    return;
  }
  try {
    await run(task);
    parentPort!.postMessage({} satisfies ShardReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ShardReply);
  }
});
