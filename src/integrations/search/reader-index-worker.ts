/**
 * A volume's reader index merged on a thread of its own (reader-index.ts `writeReaderIndexOnThread`).
 * A whole merge reads every word of the volume even when it reuses every file it writes: on the
 * build's main thread that took 7.2 s of a 10,000-article one-edit rebuild's 33.5 s (profiled),
 * in among the pages Astro restores there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeReaderIndex, type ReaderIndexTask } from './reader-index.ts';

const { dirs, out, options } = workerData as ReaderIndexTask;
parentPort!.postMessage(await writeReaderIndex(dirs, out, options));
