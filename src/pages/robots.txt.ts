import type { APIRoute } from 'astro';
import { absolute } from '../lib/pages/frame.ts';

/** Both variants are open to crawlers; the sitemap lists them with their hreflang alternates. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /search/\nDisallow: /zh-hant/search/\n\nSitemap: ${absolute('/sitemap-index.xml')}\n`);
