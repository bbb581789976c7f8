/**
 * Cold builds render and convert every article: pure work per article, spread over worker threads
 * so that both cores of a CI machine do it. The worker is a .ts file Node runs itself (type
 * stripping), found from the project root because the build bundles this module elsewhere.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GlossaryEntry } from '../content/schema.ts';
import type { Lang } from '../../consts.ts';
import type { PreparedBody } from './prepare-body.ts';
import type { ConvertedFields, ConversionInput } from './variant.ts';

export type WorkerTask =
  | { kind: 'render'; items: string[] }
  | { kind: 'convert'; glossary: GlossaryEntry[]; items: { article: ConversionInput; to: Lang }[] };

type Result<T extends WorkerTask> = T extends { kind: 'render' } ? PreparedBody : ConvertedFields;

const WORKER = path.resolve('src/lib/archive/prepare-worker.ts');
/** Below this many items a worker's start (~1 s to load the Markdown and OpenCC modules) costs more than it saves. */
export const WORKER_MIN_ITEMS = 400;

/** The task's results in item order, or undefined when it is too small or workers are unavailable. */
export async function inWorkers<T extends WorkerTask>(task: T): Promise<Result<T>[] | undefined> {
  const threads = Math.min(availableParallelism(), 4);
  if (task.items.length < WORKER_MIN_ITEMS || threads < 2 || !existsSync(WORKER)) return undefined;
  const size = Math.ceil(task.items.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => ({ ...task, items: task.items.slice(i * size, (i + 1) * size) }));
  const results = await Promise.all(slices.map((slice) => runWorker(slice)));
  return results.flat() as Result<T>[];
}

/**
 * Whether a body renders within `ms` (the worker's start, ~1 s, included): a synchronous parse
 * cannot be interrupted in its own thread, so it runs in one that can be stopped. Undefined
 * where workers are unavailable; a body the renderer throws on rejects.
 */
export async function rendersWithin(body: string, ms: number): Promise<boolean | undefined> {
  if (!existsSync(WORKER)) return undefined;
  try {
    await runWorker({ kind: 'render', items: [body] }, ms);
    return true;
  } catch (error) {
    if (error instanceof WorkerTimeout) return false;
    throw error;
  }
}

class WorkerTimeout extends Error {}

function runWorker(task: WorkerTask, timeoutMs?: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: task });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      reject(new WorkerTimeout());
      void worker.terminate();
    }, timeoutMs);
    const settle = <A extends unknown[]>(then: (...args: A) => void) => (...args: A) => {
      clearTimeout(timer);
      then(...args);
    };
    worker.once('message', settle((result: unknown[]) => resolve(result)));
    worker.once('error', settle(reject));
    worker.once('exit', settle((code: number) => {
      if (code !== 0) reject(new Error(`build worker ${WORKER} stopped with exit code ${code}`));
    }));
  });
}
