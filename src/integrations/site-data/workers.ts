/**
 * Cold builds render and convert every article: pure work per article, spread over worker threads
 * so that both cores of a CI machine do it. The worker is a .ts file Node runs itself (type
 * stripping), beside this module (which the build runs unbundled, see ./index.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GlossaryEntry } from '../../lib/content/schema.ts';
import type { Lang } from '../../consts.ts';
import { MAX_WORKER_THREADS, WORKER_MIN_ITEMS } from '../../config.ts';
import type { PreparedBody } from '../../lib/archive/prepare-body.ts';
import type { ConvertedFields, ConversionInput } from '../../lib/archive/variant.ts';

export type WorkerTask =
  | { kind: 'render'; items: string[] }
  | { kind: 'convert'; glossary: GlossaryEntry[]; items: { article: ConversionInput; to: Lang }[] };

type Result<T extends WorkerTask> = T extends { kind: 'render' } ? PreparedBody : ConvertedFields;

const WORKER = new URL('./prepare-worker.ts', import.meta.url);

/** The task's results in item order, or undefined when it is too small or there is one core only. */
export async function inWorkers<T extends WorkerTask>(task: T): Promise<Result<T>[] | undefined> {
  const threads = Math.min(availableParallelism(), MAX_WORKER_THREADS);
  if (task.items.length < WORKER_MIN_ITEMS || threads < 2) return undefined;
  const size = Math.ceil(task.items.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => ({ ...task, items: task.items.slice(i * size, (i + 1) * size) }));
  const results = await Promise.all(slices.map((slice) => runWorker(slice)));
  return results.flat() as Result<T>[];
}

function runWorker(task: WorkerTask): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: task });
    worker.once('message', (result: unknown[]) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`build worker ${WORKER} stopped with exit code ${code}`));
    });
  });
}
