/** A validation thread (see validateAll in ./validate.ts): validates its share and posts back what it found. */
import { parentPort, workerData } from 'node:worker_threads';
import { validateFiles, type ValidationTask } from './validate.ts';

const { dist, files } = workerData as ValidationTask;
parentPort!.postMessage(await validateFiles(dist, files));
