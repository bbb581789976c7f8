// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindSearch from './src/integrations/pagefind.ts';
import devPreview from './src/integrations/dev-preview.ts';
import responseHeaders from './src/integrations/headers.ts';
import { LANGS, SITE_URL } from './src/consts.ts';
import { twinUrl } from './src/lib/urls.ts';
import { pageTimings, timedBuildDone } from './src/lib/timings.ts';
import { CACHE_DIR } from './src/lib/build-cache.ts';

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

export default defineConfig({
  site: SITE_URL,
  // Astro's own cache beside ours, so that CI restores both with one directory.
  cacheDir: `${CACHE_DIR}/astro`,
  experimental: {
    // Article and listing pages carry a cacheKey (src/lib/pages/cache-key.ts): a rebuild renders
    // only the pages whose printed data changed and restores the others from the cache.
    incrementalBuild: true,
  },
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CDN's Content-Security-Policy allows no inline styles or scripts.
    inlineStylesheets: 'never',
    // Pages render one at a time either way; more at once overlaps the writing and, in a
    // rebuild, the restoring of unchanged pages from the incremental cache (about half its time).
    concurrency: 8,
  },
  // Same reason: scripts and assets become files, never inline code or data: URLs.
  vite: {
    build: { assetsInlineLimit: 0 },
    // Build output and caches are not sources: the dev server must not react to builds.
    server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/dist.*/**', '**/test-results/**'] } },
  },
  devToolbar: { enabled: false },
  integrations: [
    pageTimings(),
    timedBuildDone('sitemap', sitemap({
      filter: (page) => !/\/(404|search)\/?$/.test(new URL(page).pathname.replace(/\/$/, '')),
      serialize: withAlternates,
    })),
    // Search indexes are part of every build (astro:build:done), one Pagefind bundle per variant.
    timedBuildDone('search', pagefindSearch()),
    responseHeaders(),
    devPreview(),
  ],
});
