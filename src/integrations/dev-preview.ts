/**
 * `npm run dev` for writers: the browser reloads when content/ changes (the site data notices the
 * change itself, see getSite), and search works over the last `npm run build`'s indexes, served
 * from dist/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/load.ts';
import { contentTypeOf } from '../lib/content-type.ts';

const SEARCH_BUNDLE = /^\/(?:[a-z-]+\/)?pagefind\//;

export default function devPreview(): AstroIntegration {
  return {
    name: 'yiqihui-dev-preview',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const content = contentDir();
        server.watcher.add(content);
        const reload = (file: string) => {
          if (!file.startsWith(content)) return;
          logger.info(`${path.relative(process.cwd(), file)} changed: reloading`);
          // Astro keeps each route's getStaticPaths result; this is its own signal to drop them.
          for (const environment of Object.values(server.environments)) environment.hot.send('astro:content-changed', {});
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', reload).on('add', reload).on('unlink', reload);

        // Where `npm run build` wrote the site (DIST_DIR only for tests).
        const dist = path.resolve(process.env.DIST_DIR ?? 'dist');
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
