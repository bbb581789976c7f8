/**
 * `items.map(fn)`, a slice at a time, letting the event loop run between slices. For the long
 * loops of a build's main thread (the keys of tens of thousands of pages): run in one piece they
 * held back the search threads' replies, which waited for the main thread to hand them their next
 * piece of work.
 */
import { setImmediate } from 'node:timers/promises';

const SLICE = 500;

export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, slice = SLICE): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await setImmediate();
    for (const item of items.slice(i, i + slice)) out.push(fn(item));
  }
  return out;
}
