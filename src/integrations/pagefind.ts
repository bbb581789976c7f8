/**
 * The search indexes, built as part of every `astro build` (not a separate step CI could skip).
 * The index is made from the site's data, not rendered pages, so it starts with the build and is
 * written on worker threads (search/shard-indexer.ts) while Astro renders; its files are linked
 * into each variant's bundle in the output as they are ready (below). A segment build (`--segment
 * I/N`) indexes its share of the shards and leaves them for `npm run assemble` to merge
 * (segment/output.ts).
 * `SEARCH_SEGMENTATION=pagefind` switches to Pagefind's own Chinese segmentation (for comparison).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getSite } from './site-data/site.ts';
import { settings } from '../config.ts';
import { recordPhase } from './timings.ts';
import {
  buildSearchIndex,
  linkFragments,
  linkReaderIndexes,
  writeSearchBundles,
  type BundleStats,
  type IndexWatch,
  type SearchIndex,
} from './search/write-indexes.ts';
import { reportProgress } from './progress/events.ts';
import { writeSegmentOutput } from './segment/output.ts';

/**
 * `outputReady`: when the output folder takes the bundles (the page store's, ./page-store/).
 * They are linked there while Astro works out and renders the pages, the fragments as soon as the
 * shards are done and each volume's reader index as soon as it is there, instead of after the
 * last page: at 50,000 articles their 137,000 links took 3.5 s of an edit rebuild's end. The
 * volumes an edit left alone are linked before the one it changed is merged: after it, their
 * 29,000 links were the last 0.5 s of a 50,000-article edit rebuild. (A cold build links each
 * volume as it is merged: a thread each, 25 ms of CPU to start, beside minutes of merging.)
 */
export default function pagefindSearch(outputReady: Promise<void>): AstroIntegration {
  let outDir: string | undefined;
  let indexing: Promise<SearchIndex> | undefined;
  let bundling: Promise<BundleStats[]> | undefined;
  return {
    name: 'yiqihui-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const segmentation = settings.searchSegmentation;
        const links: Promise<unknown>[] = [];
        const link = (make: () => Promise<unknown>) => {
          const linking = outputReady.then(make);
          linking.catch(() => undefined); // awaited with the bundles
          links.push(linking);
        };
        const watch: IndexWatch = {
          onShard: (done, total) => reportProgress({ kind: 'shards', done, total }),
          onFragments: (shards, volumes) => link(() => linkFragments(shards, volumes, outDir!)),
          onReaders: (readers, volumes) => link(() => linkReaderIndexes(readers, volumes, outDir!)),
        };
        indexing = getSite().then((site) => buildSearchIndex(site, segmentation, watch, settings.buildSegment));
        // Every link is asked for by the time the index is done.
        bundling = Promise.all([indexing, outputReady]).then(([index]) => writeSearchBundles(index, outDir!, Promise.all(links)));
        // Awaited in build:done; a build that fails before then must not also report them unhandled.
        bundling.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing || !bundling) throw new Error('search: the index was not started (astro:build:start did not run)');
        const index = await indexing;
        recordPhase('search-index', index.ms);
        reportProgress({ kind: 'phase', phase: 'bundles' });
        const stats = await bundling;
        if (settings.buildSegment) await writeSegmentOutput(fileURLToPath(dir), settings.buildSegment, index);
        const volumes = `${index.volumes.length} volume${index.volumes.length === 1 ? '' : 's'}`;
        logger.info(
          `${index.records} articles indexed (${index.config.segmentation}) in ${index.shards.length} shards (${index.reused} reused) in ${(index.ms / 1000).toFixed(1)} s; reader index: ${volumes} (${index.merged.held} from the cache), ${index.merged.linked} of ${index.merged.files} files reused (${index.merged.patched} patched); bundles for ${stats.map((s) => s.lang).join(', ')}`,
        );
      },
    },
  };
}
