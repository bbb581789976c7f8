import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { WORKER_MIN_ITEMS } from '../../../src/config.ts';
import { inWorkers } from '../../../src/integrations/site-data/workers.ts';
import { prepareBody } from '../../../src/lib/archive/prepare-body.ts';

describe('inWorkers', () => {
  it.runIf(availableParallelism() >= 2)('renders a large batch on worker threads, in item order, as the main thread would', async () => {
    const bodies = Array.from({ length: WORKER_MIN_ITEMS }, (_, i) => `## 第${i}节\n\n正文 **${i}**。`);
    const results = await inWorkers({ kind: 'render', items: bodies });
    expect(results).toHaveLength(bodies.length);
    expect(results![7]).toEqual(prepareBody(bodies[7]!));
    expect(results!.at(-1)).toEqual(prepareBody(bodies.at(-1)!));
  });

  it('leaves a small batch to the main thread', async () => {
    expect(await inWorkers({ kind: 'render', items: ['正文'] })).toBeUndefined();
  });
});
