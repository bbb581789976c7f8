/**
 * The search indexes, built as part of every `astro build` (not a separate step CI could skip):
 * one Pagefind bundle per variant, from the same data the pages were rendered from.
 * `SEARCH_SEGMENTATION=pagefind` switches to Pagefind's own Chinese segmentation (for comparison).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getSite } from '../lib/site.ts';
import type { Segmentation } from '../lib/search/query.ts';
import { writeSearchIndexes } from './search/write-indexes.ts';

const SEGMENTATIONS: Segmentation[] = ['bigram', 'pagefind'];

function segmentationFromEnv(): Segmentation {
  const value = process.env.SEARCH_SEGMENTATION ?? 'bigram';
  if (!SEGMENTATIONS.includes(value as Segmentation)) {
    throw new Error(`SEARCH_SEGMENTATION="${value}" is not known: use one of ${SEGMENTATIONS.join(', ')} (or leave it unset for bigram).`);
  }
  return value as Segmentation;
}

export default function pagefindSearch(): AstroIntegration {
  return {
    name: 'yiqihui-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const segmentation = segmentationFromEnv();
        const stats = await writeSearchIndexes(await getSite(), fileURLToPath(dir), segmentation);
        for (const s of stats) logger.info(`${s.lang}: ${s.records} articles indexed (${segmentation}) in ${(s.ms / 1000).toFixed(1)} s`);
      },
    },
  };
}
