/**
 * Work handed to a thread that posts one result and ends: the build's Markdown and conversion
 * batches, the reader index's merge, the site checks' validation. Pure shares of work, so that
 * both cores of a CI machine do it.
 */
import { Worker } from 'node:worker_threads';

/** What the thread at `url` posts, given `workerData`; rejects when it throws or exits without posting (`name` says which). */
export function resultOfThread<R>(url: URL, workerData: unknown, name: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code === 0 || reject(new Error(`${name} stopped with exit code ${code}`)));
  });
}

/** `items` in at most `count` contiguous shares of nearly equal size, none empty, in order. */
export function sharesOf<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((share) => share.length > 0);
}
