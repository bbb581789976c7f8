/**
 * The sitemap of a segment build lists the whole site: @astrojs/sitemap lists the pages the build
 * wrote, and a segment writes only its share of them, so the pages of the other segments are
 * handed to it as well. Its list is sorted and deduplicated, so every segment writes the sitemap
 * one build of the whole site writes, byte for byte.
 */
import type { AstroIntegration } from 'astro';
import { settings } from '../../config.ts';
import { segmentedUrls } from '../../lib/route-data/segmented-urls.ts';
import { getSite } from '../site-data/site.ts';

export function wholeSiteSitemap(sitemap: AstroIntegration): AstroIntegration {
  const done = sitemap.hooks['astro:build:done'];
  if (!done || settings.buildSegment === undefined) return sitemap;
  return {
    ...sitemap,
    hooks: {
      ...sitemap.hooks,
      'astro:build:done': async (options) => {
        const others = segmentedUrls(await getSite()).map((pathname) => ({ pathname }));
        return done({ ...options, pages: [...options.pages, ...others] });
      },
    },
  };
}
