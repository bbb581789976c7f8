/**
 * Indexes search shards on worker threads (shard-worker.ts), one per core by default:
 * `SEARCH_INDEX_THREADS` sets how many. The worker is a .ts file Node runs itself, beside this module.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { settings } from '../../config.ts';
import type { RecordOptions, RecordSource } from '../../lib/search/records.ts';
import type { ShardReply, ShardTask } from './shard-worker.ts';
import type { FragmentSource } from './variant-fragments.ts';

/** What a thread makes its shards with: how records are made, and the folder of Pagefind's browser code (for `bigram`). */
export type ShardWorkerData = RecordOptions & { runtime: string | undefined };

const WORKER = new URL('./shard-worker.ts', import.meta.url);

export const indexingThreads = () => settings.searchIndexThreads ?? availableParallelism();

/** One worker thread: one shard or one variant's fragments of it at a time, `close` when done. */
export class ShardIndexer {
  private readonly worker: Worker;
  private failure?: Error;

  constructor(options: ShardWorkerData) {
    this.worker = new Worker(WORKER, { workerData: options });
    this.worker.once('error', (error) => (this.failure = error));
  }

  /** Indexes the records of `articles` into `out`. */
  index(articles: RecordSource[], out: string): Promise<void> {
    return this.run({ kind: 'shard', articles, out });
  }

  /** Shard `number`'s fragments (in `shard`) as a variant serves them, with `sources`' views, into `out`. */
  fragments(shard: string, number: number, sources: FragmentSource[], out: string): Promise<void> {
    return this.run({ kind: 'fragments', shard, number, sources, out });
  }

  private run(task: Exclude<ShardTask, 'close'>): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (reply: ShardReply) => {
        this.worker.off('error', onError);
        if (reply.error) reject(new Error(reply.error));
        else resolve();
      });
      this.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close' satisfies ShardTask);
    await exited;
  }
}
