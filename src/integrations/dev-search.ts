/**
 * Search in `npm run dev`: the dev server has no indexes of its own (they are made by builds), so
 * it serves the last `npm run build`'s from dist/. (Edits to content/ reload through the
 * site-data integration.)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { settings } from '../config.ts';
import { contentTypeOf } from '../lib/content-type.ts';

const SEARCH_BUNDLE = /^\/(?:[a-z-]+\/)?pagefind\//;

export default function devSearch(): AstroIntegration {
  return {
    name: 'yiqihui-dev-search',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // Where `npm run build` wrote the site (DIST_DIR only for tests).
        const dist = settings.distDir;
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0]!;
          if (!SEARCH_BUNDLE.test(url)) return next();
          const file = path.join(dist, decodeURIComponent(url));
          if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end('No search index here yet: run `npm run build` once, then search works in dev too.');
            return;
          }
          res.setHeader('Content-Type', contentTypeOf(file));
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
