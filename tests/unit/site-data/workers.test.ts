import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { WORKER_MIN_ITEMS } from '../../../src/tuning.ts';
import { inWorkers } from '../../../src/integrations/site-data/workers.ts';
import { readBody } from '../../../src/integrations/site-data/body-store.ts';
import { prepareBody } from '../../../src/lib/archive/prepare-body.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

describe('inWorkers', () => {
  it.runIf(availableParallelism() >= 2)(
    'renders a large batch on worker threads, in item order, as the main thread would, the HTML into the body store',
    async () => {
      const store = await tempDir('worker-bodies');
      const bodies = Array.from({ length: WORKER_MIN_ITEMS }, (_, i) => `## 第${i}节\n\n正文 **${i}**。`);
      const results = await inWorkers({ kind: 'render', bodies: store, items: bodies });
      expect(results).toHaveLength(bodies.length);
      for (const i of [7, bodies.length - 1]) {
        const { html, summary } = prepareBody(bodies[i]!);
        expect(results![i]!.summary).toBe(summary);
        expect(readBody(store, results![i]!.place)).toBe(html);
      }
    },
  );

  it('leaves a small batch to the main thread', async () => {
    expect(await inWorkers({ kind: 'render', bodies: '/nonexistent', items: ['正文'] })).toBeUndefined();
  });
});
