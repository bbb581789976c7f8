/** A thread that links the last build's pages ahead (./link-ahead.ts) and posts what it linked. */
import { parentPort, workerData } from 'node:worker_threads';
import { linkAheadSync, type LinkAhead } from './link-ahead.ts';

parentPort!.postMessage(linkAheadSync(workerData as LinkAhead));
