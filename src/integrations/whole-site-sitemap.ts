/**
 * The sitemap lists the whole site: @astrojs/sitemap lists the pages Astro wrote, so the pages the
 * build restored from the page store (./page-store/) are handed to it as well, and in a segment
 * build the pages of the other segments. Its list is sorted and deduplicated, so every build writes
 * the sitemap one cold build of the whole site writes, byte for byte.
 */
import type { AstroIntegration } from 'astro';
import { settings } from '../config.ts';
import { segmentedUrls } from '../lib/route-data/segmented-urls.ts';
import { getSite } from './site-data/site.ts';

/** @astrojs/sitemap's order (generate-sitemap.js: `localeCompare(b, "en", { numeric: true })`). */
const SITEMAP_ORDER = new Intl.Collator('en', { numeric: true });

export function wholeSiteSitemap(sitemap: AstroIntegration, restoredPaths: () => string[]): AstroIntegration {
  const done = sitemap.hooks['astro:build:done'];
  if (!done) return sitemap;
  return {
    ...sitemap,
    hooks: {
      ...sitemap.hooks,
      'astro:build:done': async (options) => {
        const others = settings.buildSegment === undefined ? [] : segmentedUrls(await getSite());
        const pages = [...options.pages, ...[...restoredPaths(), ...others].map((pathname) => ({ pathname }))];
        // Handed over in the order the sitemap sorts its URLs in: its sort calls localeCompare
        // with options, which builds a collator per comparison (1.4 s of a 10,000-article edit
        // rebuild's main thread, profiled); on sorted input it compares each URL once.
        pages.sort((a, b) => SITEMAP_ORDER.compare(a.pathname, b.pathname));
        return done({ ...options, pages });
      },
    },
  };
}
