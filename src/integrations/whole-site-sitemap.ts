/**
 * The sitemap lists the whole site: @astrojs/sitemap lists the pages Astro wrote, so the pages the
 * build restored from the page store (./page-store/) are handed to it as well, and in a segment
 * build the pages of the other segments. Its list is sorted and deduplicated, so every build writes
 * the sitemap one cold build of the whole site writes, byte for byte.
 *
 * That list (with the code: the Astro config's filter and alternates, the sitemap package; and the
 * site's address, SITE_URL) is all the sitemap is made from, so it is kept in the build cache by the
 * list's hash: a rebuild that adds or removes no page links the last build's sitemap files instead
 * of writing every URL again (0.5 s of a 10,000-article edit rebuild's main thread, `node --cpu-prof`).
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { settings } from '../config.ts';
import { SITE_URL } from '../consts.ts';
import { hashOf } from '../lib/hash.ts';
import { segmentedUrls } from '../lib/route-data/segmented-urls.ts';
import { sitemapOrder } from '../lib/sitemap-order.ts';
import { cacheScope, FolderCache } from './folder-cache.ts';
import { linkTree } from './link-tree.ts';
import type { PageStoreIntegration } from './page-store/index.ts';
import { getSite } from './site-data/site.ts';

export function wholeSiteSitemap(
  sitemap: AstroIntegration,
  pages: Pick<PageStoreIntegration, 'restoredPaths' | 'codeVersion'>,
): AstroIntegration {
  const done = sitemap.hooks['astro:build:done'];
  if (!done) return sitemap;
  return {
    ...sitemap,
    // Ours now: its lines are printed under `npm run build` (progress/log-destination.ts).
    name: 'yiqihui-sitemap',
    hooks: {
      ...sitemap.hooks,
      'astro:build:done': async (options) => {
        const site = await getSite();
        const others = settings.buildSegment === undefined ? [] : segmentedUrls(site);
        // One spelling for a page however it came (Astro's own list has no leading slash), so
        // that the key does not depend on which pages were rendered and which restored.
        const pathnames = [...options.pages.map((page) => page.pathname), ...pages.restoredPaths(), ...others].map((p) =>
          p.replace(/^\/+/, ''),
        );
        // The cache's key: the list in code-unit order, which the sort makes natively, without a
        // comparison function (in the sitemap's order it took 0.3 s of a 50,000-article edit
        // rebuild's main thread, `node --cpu-prof`, to find the sitemap already made).
        pathnames.sort();
        const version = hashOf(pages.codeVersion(), SITE_URL);
        const cache = new FolderCache('sitemap', cacheScope(site.contentDir, settings.buildSegment), version);
        const folder = await cache.get(pathnames, async (out) => {
          await mkdir(out, { recursive: true });
          // Its line names the folder it wrote to, a temporary one in the build cache: ours says it instead.
          const logger = Object.create(options.logger, { info: { value: () => undefined } }) as typeof options.logger;
          // Handed over in the order the sitemap sorts its URLs in: its sort calls localeCompare
          // with options, which builds a collator per comparison (1.4 s of a 10,000-article edit
          // rebuild's main thread, profiled); on sorted input it compares each URL once.
          const inSitemapOrder = [...pathnames].sort(sitemapOrder);
          await done({ ...options, logger, dir: pathToFileURL(`${out}/`), pages: inSitemapOrder.map((pathname) => ({ pathname })) });
        });
        options.logger.info(
          cache.hits > 0
            ? `sitemap from the same ${pathnames.length} pages as the last build: reused from the build cache`
            : `sitemap from ${pathnames.length} pages written`,
        );
        await linkTree(folder, fileURLToPath(options.dir));
        await cache.prune();
      },
    },
  };
}
