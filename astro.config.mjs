// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindSearch from './src/integrations/pagefind.ts';
import devPreview from './src/integrations/dev-preview.ts';
import { LOCALES, SITE_URL } from './src/consts.ts';
import { pageTimings, timedBuildDone } from './src/lib/timings.ts';

/** Sitemap locales keyed by URL folder; the root variant needs a key no path uses. */
const ROOT_LOCALE = 'root';
const sitemapLocales = Object.fromEntries(Object.entries(LOCALES).map(([folder, l]) => [folder || ROOT_LOCALE, l.lang]));

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CDN's Content-Security-Policy allows no inline styles or scripts.
    inlineStylesheets: 'never',
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
      i18n: { defaultLocale: ROOT_LOCALE, locales: sitemapLocales },
    })),
    // Search indexes are part of every build (astro:build:done), one Pagefind bundle per variant.
    timedBuildDone('search', pagefindSearch()),
    devPreview(),
  ],
});
