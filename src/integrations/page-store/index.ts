/**
 * Pages a build need not render: Astro is handed only the pages whose key (everything they print,
 * and the code printing it) is not in the page store (./store.ts); the others are linked into the
 * output from the store while Astro renders the rest (Astro empties the output folder before it
 * asks for the pages, and writes only the pages it renders). A rebuild after one edit renders the
 * few pages that show it, and Astro's per-page work (its own incremental cache copied every
 * unchanged page, one by one) is not done for the rest: at 10,000 articles that was most of an
 * edit rebuild.
 *
 * It also counts the pages for `npm run build`'s progress line (../progress/events.ts): Astro
 * takes one prerenderer, so the one wrapper does both.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';
import { treeVersion } from '../code-version.ts';
import { flushProgress, reportProgress } from '../progress/events.ts';
import { outputFileOf, PageStore } from './store.ts';

/** What a page prints is made by these (with the lock file): a change to any renders every page again. */
export const PAGE_PRODUCERS = ['src', 'astro.config.mjs', 'tsconfig.json'];

/**
 * The integration; the pathnames of the pages it restored (the sitemap lists them too); the
 * version of the code that prints the pages, which the sitemap is made by as well; and when the
 * output folder takes other files (the search bundles): once Astro has emptied it and asked for
 * the pages, the moment the store starts restoring its own.
 */
export type PageStoreIntegration = AstroIntegration & {
  restoredPaths: () => string[];
  codeVersion: () => string;
  outputReady: Promise<void>;
};

export default function pageStore(): PageStoreIntegration {
  /** Pages restored instead of rendered: the store key and the output file, by pathname. */
  const restored = new Map<string, { key: string; file: string }>();
  let version: string | undefined;
  let store: PageStore | undefined;
  let outDir: string | undefined;
  /** The restore under way, started as soon as Astro has asked for the pages. */
  let restoring: Promise<void> | undefined;
  let outputIsReady!: () => void;
  const outputReady = new Promise<void>((resolve) => (outputIsReady = resolve));

  return {
    name: 'yiqihui-page-store',
    outputReady,
    restoredPaths: () => [...restored.keys()].map((pathname) => pathname.replace(/\/*$/, '/')),
    codeVersion: () => {
      if (version === undefined) throw new Error('page store: the code version is known from astro:build:start, which has not run');
      return version;
    },
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const open = new PageStore(path.join(settings.buildCacheDir, 'pages'));
        store = open;
        const pagesVersion = treeVersion(PAGE_PRODUCERS);
        version = pagesVersion;
        /** Store keys and output files of the pages Astro renders, by the pathname of their request. */
        const toStore = new Map<string, { key: string; file: string }>();
        setPrerenderer((astro) => ({
          ...astro,
          getStaticPaths: async () => {
            const paths = await astro.getStaticPaths();
            reportProgress({ kind: 'pages', total: paths.length });
            const toRender = paths.filter((page) => {
              if (page.cacheKey === undefined) return true;
              const key = hashOf(pagesVersion, page.cacheKey);
              if (!open.has(key)) {
                toStore.set(requestPath(page.pathname), { key, file: outputFileOf(page.pathname) });
                return true;
              }
              restored.set(page.pathname, { key, file: outputFileOf(page.pathname) });
              return false;
            });
            // The links are made on Node's file threads while the main thread renders: after the
            // rendering they were 1.5–5 s of a 10,000-article edit rebuild's critical path.
            restoring = open.restore(restored.values(), outDir!);
            restoring.catch(() => {}); // awaited, and so reported, at astro:build:done
            outputIsReady();
            return toRender;
          },
          render: async (request, options) => {
            const result = await astro.render(request, options);
            const page = toStore.get(requestPath(new URL(request.url).pathname));
            const response = result instanceof Response ? result : result.response;
            if (page !== undefined && response.ok) open.put(page.key, page.file);
            return result;
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        if (!store) return;
        await store.adopt(outDir!);
        await restoring;
        reportProgress({ kind: 'page', count: restored.size, restored: restored.size });
        // The build's last hook (astro.config.mjs): Astro exits without Node's beforeExit, which would send it.
        flushProgress();
        const pruned = await store.prune();
        if (restored.size > 0 || pruned > 0)
          logger.info(`${restored.size} unchanged pages restored from the page store; ${pruned} older pages removed from it`);
      },
    },
  };
}

/** A pathname as the request for its page has it and as Astro lists it: without the trailing slash. */
const requestPath = (pathname: string) => pathname.replace(/\/+$/, '') || '/';
