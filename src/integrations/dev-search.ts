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
const NO_INDEX = 'No search index here yet: run `npm run build` once, then search works in dev too.';

/**
 * The file of `dist` a search bundle URL names, or undefined when it names none inside `dist`
 * (`..`, or a sibling folder whose name begins with dist's, such as `dist-old`).
 */
export function searchFile(dist: string, url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return undefined;
  }
  const file = path.join(dist, decoded);
  return file.startsWith(dist + path.sep) ? file : undefined;
}

export default function devSearch(): AstroIntegration {
  return {
    name: 'yiqihui-dev-search',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // Where `npm run build` wrote the site (DIST_DIR only for tests).
        const dist = settings.distDir;
        /** Whether the writer was told, in the terminal, why search finds nothing: the page only says it is unavailable. */
        let told = false;
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0]!;
          if (!SEARCH_BUNDLE.test(url)) return next();
          const file = searchFile(dist, url);
          if (file === undefined || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end(NO_INDEX);
            if (!told) logger.warn(`${url} is not in ${path.relative(process.cwd(), dist) || '.'}: ${NO_INDEX}`);
            told = true;
            return;
          }
          res.setHeader('Content-Type', contentTypeOf(file));
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
