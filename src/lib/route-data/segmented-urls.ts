/**
 * The URLs of the pages a build in segments splits between its segments (articles and channel
 * listings, see paths.ts): each segment renders its share of them, but its sitemap, like the
 * whole site's, lists them all. The listing pages are counted as Astro's paginate counts them:
 * one page at least, of PAGE_SIZE articles each.
 */
import { LANGS, PAGE_SIZE } from '../../consts.ts';
import type { Site } from '../archive/site.ts';
import { articleUrl, channelUrl } from '../urls.ts';

export function segmentedUrls(site: Site): string[] {
  return LANGS.flatMap((lang) => {
    const variant = site.variants[lang];
    const listings = variant.channels.flatMap((channel) => {
      const pages = Math.max(1, Math.ceil(site.archive.byChannel.get(channel.slug)!.length / PAGE_SIZE));
      return Array.from({ length: pages }, (_, i) => channelUrl(lang, channel.slug, i + 1));
    });
    return [...variant.articles.map((article) => articleUrl(lang, article.slug)), ...listings];
  });
}
