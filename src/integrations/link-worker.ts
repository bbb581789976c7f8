/** A thread that links files (link-tree.ts `linkFilesOnThread`) and posts how many it linked. */
import { parentPort, workerData } from 'node:worker_threads';
import { linkFilesSync, type FileLink } from './link-tree.ts';

parentPort!.postMessage(linkFilesSync(workerData as FileLink[]));
