/**
 * The order of the sitemap's URLs: @astrojs/sitemap's (generate-sitemap.js:
 * `localeCompare(b, "en", { numeric: true })`), with ties broken by code units. Numeric collation
 * calls `x-0r07` and `x-00r7` equal, and a stable sort leaves such pages in the order they came,
 * which is not the same in a cold build, a rebuild and each segment: the segments of a
 * 50,000-article archive wrote sitemaps that differed in just such pairs.
 */
import { byCodeUnit } from './code-unit-order.ts';

const SITEMAP_COLLATOR = new Intl.Collator('en', { numeric: true });

export const sitemapOrder = (a: string, b: string): number => SITEMAP_COLLATOR.compare(a, b) || byCodeUnit(a, b);
