// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindSearch from './src/integrations/pagefind.ts';
import devSearch from './src/integrations/dev-search.ts';
import responseHeaders from './src/integrations/headers.ts';
import siteData from './src/integrations/site-data/index.ts';
import { wholeSiteSitemap } from './src/integrations/whole-site-sitemap.ts';
import buildProgress from './src/integrations/progress/index.ts';
import pageStore from './src/integrations/page-store/index.ts';
import { LANGS, SITE_URL } from './src/consts.ts';
import { twinUrl } from './src/lib/urls.ts';
import { pageTimings, timedBuildDone } from './src/integrations/timings.ts';
import { settings } from './src/config.ts';
import { PAGE_CONCURRENCY } from './src/tuning.ts';

/**
 * A sitemap entry's hreflang alternates. Every page has a twin in each variant (the site checks
 * hold that), so they follow from its URL; the sitemap's own `i18n` option compares every URL with
 * every other one, which took 11 s for 10,000 articles.
 * @param {import('@astrojs/sitemap').SitemapItem} item
 */
const withAlternates = (item) => ({
  ...item,
  links: LANGS.map((lang) => ({ lang, url: new URL(twinUrl(new URL(item.url).pathname, lang), SITE_URL).href })),
});

// Pages whose key is stored are restored, not rendered: the routes hand them to the store (through
// the site data), and the sitemap lists them as well.
const pages = pageStore();

export default defineConfig({
  site: SITE_URL,
  // Astro's own cache beside ours, so that CI restores both with one directory.
  cacheDir: `${settings.buildCacheDir}/astro`,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CDN's Content-Security-Policy allows no inline styles or scripts.
    inlineStylesheets: 'never',
    concurrency: PAGE_CONCURRENCY,
  },
  // Same reason: scripts and assets become files, never inline code or data: URLs.
  vite: {
    build: { assetsInlineLimit: 0 },
    // Build output and caches are not sources: the dev server must not react to builds.
    // Nor may a link in content/ lead the watcher out of it: one to / had it walk the whole disk
    // and the dev server stopped answering (check reports such links; dev must stay up).
    server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/dist.*/**', '**/test-results/**'], followSymlinks: false } },
  },
  devToolbar: { enabled: false },
  // Under `npm run build`, a progress line instead of a log line per page (warnings and errors in full).
  logger: { entrypoint: './src/integrations/progress/log-destination.ts' },
  integrations: [
    // First, so that the `pages` phase spans the whole of Astro's build, data included.
    pageTimings(),
    // Before the site data: its build:start waits for the content to be validated, which this one reports.
    buildProgress(),
    // It owns the site data the routes and the search index are made from.
    siteData(pages.restore),
    timedBuildDone(
      'sitemap',
      wholeSiteSitemap(
        sitemap({
          filter: (page) => !/\/(404|search)\/?$/.test(new URL(page).pathname.replace(/\/$/, '')),
          serialize: withAlternates,
        }),
        pages,
      ),
    ),
    // Search indexes are part of every build, one Pagefind bundle per variant, written into the
    // output while the pages render.
    timedBuildDone('search', pagefindSearch(pages.outputReady)),
    // Last: the sitemap needs only the list of the restored pages, so it is written while the
    // link thread is still linking those pages into the output.
    timedBuildDone('restore', pages),
    responseHeaders(),
    devSearch(),
  ],
});
