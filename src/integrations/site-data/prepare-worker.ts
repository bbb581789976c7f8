/** A build worker (see workers.ts): renders or converts its slice of articles and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { createVariantConverter } from '../../lib/convert/variant-converter.ts';
import type { TimedRender, WorkerTask } from './workers.ts';
import { prepareBody } from '../../lib/archive/prepare-body.ts';
import { convertFields } from '../../lib/archive/variant.ts';

const task = workerData as WorkerTask;
if (task.kind === 'render') {
  parentPort!.postMessage(task.items.map(prepareBody));
} else if (task.kind === 'time') {
  for (const body of task.items) {
    let timed: TimedRender = {};
    try {
      prepareBody(body);
    } catch (error) {
      timed = { error: String(error).split('\n')[0] };
    }
    parentPort!.postMessage(timed);
  }
} else {
  const converter = createVariantConverter(task.glossary);
  parentPort!.postMessage(task.items.map(({ article, to }) => convertFields(article, to, converter)));
}
