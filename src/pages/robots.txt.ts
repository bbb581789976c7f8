import type { APIRoute } from 'astro';
import { LANGS } from '../consts.ts';
import { absolute } from '../lib/route-data/frame.ts';
import { SITEMAP_URL, searchUrl } from '../lib/urls.ts';

/** Both variants are open to crawlers, but for their search pages (results for every query); the sitemap lists the rest. */
export const GET: APIRoute = () =>
  new Response(
    ['User-agent: *', 'Allow: /', ...LANGS.map((lang) => `Disallow: ${searchUrl(lang)}`), '', `Sitemap: ${absolute(SITEMAP_URL)}`, ''].join(
      '\n',
    ),
  );
