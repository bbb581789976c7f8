/**
 * A build worker (see workers.ts): renders or converts its slice of articles, writes the bodies'
 * HTML into the body store and posts the rest back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createVariantConverter } from '../../lib/convert/variant-converter.ts';
import type { RenderedBody, StoredFields, TimedRender, WorkerTask } from './workers.ts';
import { PackWriter, readBody } from './body-store.ts';
import { prepareBody } from '../../lib/archive/prepare-body.ts';
import { convertFields } from '../../lib/archive/variant.ts';

const task = workerData as WorkerTask;
if (task.kind === 'render') {
  const pack = new PackWriter(task.bodies);
  const results = task.items.map((markdown): RenderedBody => {
    const { html, summary } = prepareBody(markdown);
    return { summary, place: pack.add(html) };
  });
  pack.close();
  parentPort!.postMessage(results);
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
  const { bodies } = task;
  const pack = new PackWriter(bodies);
  const results = task.items.map(({ article: { place, ...article }, to }): StoredFields => {
    const html = place === undefined ? undefined : readBody(bodies, place);
    const { body, ...fields } = convertFields({ ...article, html }, to, converter);
    return { ...fields, body: body && { hash: body.hash, place: pack.add(body.html) } };
  });
  pack.close();
  parentPort!.postMessage(results);
}
