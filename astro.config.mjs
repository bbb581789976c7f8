// @ts-check
import { defineConfig } from 'astro/config';
import { SITE_URL } from './src/consts.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CDN's Content-Security-Policy allows no inline styles or scripts.
    inlineStylesheets: 'never',
  },
  // Same reason: scripts and assets become files, never inline code or data: URLs.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
