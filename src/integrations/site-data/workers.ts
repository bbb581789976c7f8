/**
 * Cold builds render and convert every article: pure work per article, spread over worker threads
 * so that both cores of a CI machine do it. The worker is a .ts file Node runs itself (type
 * stripping), beside this module (which the build runs unbundled, see ./index.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GlossaryEntry } from '../../lib/content/schema.ts';
import type { Lang } from '../../consts.ts';
import { MAX_WORKER_THREADS, WORKER_MIN_ITEMS } from '../../tuning.ts';
import type { ConvertedFields, ConversionInput } from '../../lib/archive/variant.ts';
import { resultOfThread, sharesOf } from '../thread.ts';
import type { BodyPlace } from './body-store.ts';

/** A rendered body as the build cache keeps it: its HTML is in the body store (body-store.ts). */
export interface RenderedBody {
  summary: string;
  place: BodyPlace;
}

/** An article's converted fields as the build cache keeps them: the body's HTML is in the body store. */
export type StoredFields = Omit<ConvertedFields, 'body'> & { body?: { hash: string; place: BodyPlace } };

/** What a conversion is made from: the article's fields, and where its body's HTML is in the body store (nowhere where the body is not prepared). */
export type StoredConversionInput = Omit<ConversionInput, 'html'> & { place?: BodyPlace };

/** Each task's bodies are read from, and written into, the body store in the folder `bodies`. */
type BatchTask =
  | { kind: 'render'; bodies: string; items: string[] }
  | { kind: 'convert'; bodies: string; glossary: GlossaryEntry[]; items: { article: StoredConversionInput; to: Lang }[] };
/** Renders its bodies one by one and posts a TimedRender after each, so that a slow one can be timed and stopped. */
type TimeTask = { kind: 'time'; items: string[] };
export type WorkerTask = BatchTask | TimeTask;
/** What the worker posts after each body of a TimeTask: the first line of the error, if it threw. */
export interface TimedRender {
  error?: string;
}

type Result<T extends BatchTask> = T extends { kind: 'render' } ? RenderedBody : StoredFields;

const WORKER = new URL('./prepare-worker.ts', import.meta.url);

/** The task's results in item order, or undefined when it is too small or there is one core only. */
export async function inWorkers<T extends BatchTask>(task: T): Promise<Result<T>[] | undefined> {
  const threads = Math.min(availableParallelism(), MAX_WORKER_THREADS);
  if (task.items.length < WORKER_MIN_ITEMS || threads < 2) return undefined;
  const slices = sharesOf<unknown>(task.items, threads).map((items) => ({ ...task, items }));
  const results = await Promise.all(slices.map((slice) => resultOfThread<unknown[]>(WORKER, slice, `build worker ${WORKER}`)));
  return results.flat() as Result<T>[];
}

/**
 * How each body fares against a budget of `ms`: true, false (stopped at the budget) or the first
 * line of what it threw. A synchronous parse cannot be
 * interrupted in its own thread, so the bodies are rendered one after another in workers, each
 * timed from the end of the one before (the first also carries the worker's start, ~1 s); a
 * worker past the budget is stopped and the rest of its share goes on in a new one.
 */
export async function timeRenders(bodies: string[], ms: number): Promise<Map<number, boolean | string>> {
  const outcomes = new Map<number, boolean | string>();
  const threads = Math.max(1, Math.min(availableParallelism(), MAX_WORKER_THREADS, bodies.length));
  const size = Math.ceil(bodies.length / threads);
  await Promise.all(
    Array.from({ length: threads }, async (_, t) => {
      const end = Math.min(bodies.length, (t + 1) * size);
      for (let next = t * size; next < end;) next = await timeShare(bodies, next, end, ms, outcomes);
    }),
  );
  return outcomes;
}

/** Renders bodies[from, end) in one worker until one overruns the budget; the index to go on from. */
function timeShare(bodies: string[], from: number, end: number, ms: number, outcomes: Map<number, boolean | string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { kind: 'time', items: bodies.slice(from, end) } satisfies TimeTask });
    let current = from;
    let stopped = false;
    const overrun = () => {
      stopped = true;
      outcomes.set(current, false);
      void worker.terminate();
      resolve(current + 1);
    };
    let timer = setTimeout(overrun, ms);
    worker.on('message', ({ error }: TimedRender) => {
      if (stopped) return;
      clearTimeout(timer);
      outcomes.set(current++, error ?? true);
      if (current < end) timer = setTimeout(overrun, ms);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (stopped || current === end) return resolve(current);
      // Died on a body (out of memory): that body is the one to name, the rest go on.
      outcomes.set(current, `the renderer stopped with exit code ${code}`);
      return resolve(current + 1);
    });
  });
}
