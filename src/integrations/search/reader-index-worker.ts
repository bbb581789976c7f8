/**
 * A volume's reader index merged on a thread of its own (reader-index.ts `writeReaderIndexOnThread`).
 * The merge reads every word of the volume even when it reuses every file it writes, about 9 s of
 * CPU at 10,000 articles; on the build's main thread that held up the pages Astro restores there
 * after an edit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeReaderIndex, type ReaderIndexTask } from './reader-index.ts';

const { dirs, out, options } = workerData as ReaderIndexTask;
parentPort!.postMessage(await writeReaderIndex(dirs, out, options));
