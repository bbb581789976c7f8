/**
 * Pages a build need not render: Astro is handed only the pages whose key (everything they print,
 * and the code printing it) is not in the page store (./store.ts); the routes hand the others to
 * `restore` instead (src/lib/route-data/page-keys.ts), and they are linked into the output from the
 * store while Astro renders the rest (Astro writes only the pages it renders). A
 * rebuild after one edit renders the few pages that show it, and Astro's per-page work (its own
 * incremental cache copied every unchanged page, one by one) is not done for the rest: at 10,000
 * articles that was most of an edit rebuild. Most of those links are made before any key is known:
 * this integration empties the output itself, as soon as the configuration is known (instead of
 * Astro, later), and links the last build's pages into it on a thread of their own while the main
 * thread reads the content (at 50,000 articles one core was idle for the first 6 s of an edit
 * rebuild); a link is kept where the page's key comes out the same (./last-output.ts).
 *
 * It also counts the pages for `npm run build`'s progress line (../progress/events.ts): Astro
 * takes one prerenderer, so the one wrapper does both.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';
import { pagesCodeVersion } from '../code-version.ts';
import { cacheScope } from '../folder-cache.ts';
import { flushProgress, reportProgress } from '../progress/events.ts';
import { writeLastOutput, type OutputPage } from './last-output.ts';
import { linkAheadOnThread, type LinkedAhead } from './link-ahead.ts';
import { outputFileOf, PageStore } from './store.ts';
import { InOrder } from '../../lib/in-order.ts';
import type { PageRestore } from '../../lib/route-data/page-keys.ts';

/** A page offered to `restore`, and whether it is in the output (restored, or rendered and stored). */
type OfferedPage = OutputPage & { inOutput: boolean };

/** The last build's pages linked ahead of the keys, found by file in its order, and which of them this build keeps. */
interface Ahead {
  linked: LinkedAhead;
  byFile: InOrder<string>;
  kept: Uint8Array;
}

const aheadOf = (linked: LinkedAhead): Ahead => ({
  linked,
  byFile: new InOrder(linked.files, (file) => file),
  kept: new Uint8Array(linked.files.length),
});

/**
 * The integration; `restore`, which the routes offer each page to (the site data's `PageKeys`);
 * the pathnames of the pages it restored (the sitemap lists them too); the
 * version of the code that prints the pages, which the sitemap is made by as well; and when the
 * output folder takes other files (the search bundles): once it is emptied, the moment the store
 * starts linking the last build's pages into it.
 */
export type PageStoreIntegration = AstroIntegration & {
  restore: PageRestore;
  restoredPaths: () => string[];
  codeVersion: () => string;
  outputReady: Promise<void>;
};

export default function pageStore(): PageStoreIntegration {
  /**
   * Every keyed page, in the order the routes offer them to `restore`, which is the next build's
   * order too (the list of the last output is written in it, and `Ahead` finds pages by it).
   */
  const offered: OfferedPage[] = [];
  /** The pathnames of the pages restored instead of rendered. */
  const restored: string[] = [];
  /** The restored pages not linked ahead: linked once the pages to render are known. */
  const toLink: OfferedPage[] = [];
  /** Pages the store lacks, to store once Astro has rendered them, by the pathname of their request. */
  const toStore = new Map<string, OfferedPage>();
  let version: string | undefined;
  let store: PageStore | undefined;
  let outDir: string | undefined;
  /** Whether Astro is building (not serving): the output is made only then. */
  let building = false;
  /** Where the keyed pages of the last build of this content are listed (./last-output.ts). */
  const lastOutputFile = path.join(
    settings.buildCacheDir,
    `page-outputs-${hashOf(cacheScope(settings.contentDir, settings.buildSegment)).slice(0, 10)}.json`,
  );
  /** The last build's pages linked into the output ahead of the keys. */
  let linkingAhead: Promise<LinkedAhead> | undefined;
  /** Those pages, once linked: `restore` keeps those whose key is the same. */
  let ahead = aheadOf({ files: [], keys: [], failed: false });
  /** The restore under way, started as soon as Astro has asked for the pages. */
  let restoring: Promise<void> | undefined;
  /** How many restored pages were linked ahead of the keys (for the log). */
  let keptAhead = 0;
  let outputIsReady!: () => void;
  const outputReady = new Promise<void>((resolve) => (outputIsReady = resolve));

  return {
    name: 'yiqihui-page-store',
    outputReady,
    restore: (pathname, cacheKey) => {
      // Asked by the routes of a build only, whose pages Astro asks for once the store is open.
      const page: OfferedPage = { key: hashOf(version!, cacheKey), file: outputFileOf(pathname), inOutput: true };
      offered.push(page);
      const at = ahead.byFile.find(page.file);
      if (at !== undefined && ahead.linked.keys[at] === page.key) {
        ahead.kept[at] = 1;
        store!.keep(page.key);
      } else if (store!.has(page.key)) {
        toLink.push(page);
      } else {
        page.inOutput = false;
        toStore.set(requestPath(pathname), page);
        return false;
      }
      restored.push(pathname);
      return true;
    },
    // The routes' own URLs (src/lib/urls.ts), each with its trailing slash.
    restoredPaths: () => restored,
    codeVersion: () => {
      if (version === undefined)
        throw new Error('page store: the code version is known from astro:config:done of a build, which has not run');
      return version;
    },
    hooks: {
      // Astro's own emptying of the output (after astro:build:start) is turned off: astro:config:done
      // empties it, so that the last build's pages are linked into it from the start, while the
      // content is read.
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (building) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        if (!building) return;
        emptyFolder(outDir);
        const storeDir = path.join(settings.buildCacheDir, 'pages');
        version = pagesCodeVersion();
        linkingAhead = linkAheadOnThread({ list: lastOutputFile, version, store: storeDir, outDir }).then(async (linked) => {
          if (!linked.failed) return linked;
          // Some were not linked (a page gone from the store meanwhile): none is kept, and the
          // restore after the keys links them all.
          await removeFromOutput(outDir!, linked.files, () => true);
          return { files: [], keys: [], failed: false };
        });
        linkingAhead.catch(() => {}); // awaited, and so reported, when Astro asks for the pages
        outputIsReady();
        // Opened once the thread is started, which lists the store for itself: the routes' `restore`
        // needs this listing only later, and the links need not wait for it.
        store = new PageStore(storeDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const open = store!;
        setPrerenderer((astro) => ({
          ...astro,
          getStaticPaths: async () => {
            // Only the pages to render: the routes offer each keyed page to `restore` meanwhile,
            // which keeps the links made ahead where the key is the same, and so needs them all
            // made first (at 50,000 articles they are, by the time the site data is ready).
            ahead = aheadOf(await linkingAhead!);
            const paths = await astro.getStaticPaths();
            reportProgress({ kind: 'pages', total: paths.length + restored.length });
            // Of the pages linked ahead, those whose key changed are unlinked before Astro writes
            // them (writing into a link would change the stored page), and those gone with their
            // folders; the restored pages not linked yet are linked now.
            const stale = ahead.linked.files.filter((_, at) => ahead.kept[at] === 0);
            keptAhead = ahead.linked.files.length - stale.length;
            const linkedAgain = new Set(toLink.map((page) => page.file));
            const rendered = new Set(paths.map((page) => outputFileOf(page.pathname)));
            await removeFromOutput(outDir!, stale, (file) => !rendered.has(file) && !linkedAgain.has(file));
            // The links are made on Node's file threads while the main thread renders: after the
            // rendering they were 1.5–5 s of a 10,000-article edit rebuild's critical path.
            restoring = open.restore(toLink, outDir!);
            restoring.catch(() => {}); // awaited, and so reported, at astro:build:done
            return paths;
          },
          render: async (request, options) => {
            const result = await astro.render(request, options);
            const page = toStore.get(requestPath(new URL(request.url).pathname));
            const response = result instanceof Response ? result : result.response;
            if (page !== undefined && response.ok) {
              open.put(page.key, page.file);
              page.inOutput = true;
            }
            return result;
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        if (!store) return;
        await store.adopt(outDir!);
        await restoring;
        await writeLastOutput(
          lastOutputFile,
          offered.filter((page) => page.inOutput),
          version!,
        );
        reportProgress({ kind: 'page', count: restored.length, restored: restored.length });
        // The build's last hook (astro.config.mjs): Astro exits without Node's beforeExit, which would send it.
        flushProgress();
        const pruned = await store.prune();
        if (restored.length > 0 || pruned > 0)
          logger.info(
            `${restored.length} unchanged pages restored from the page store (${keptAhead} linked before their keys were known); ${pruned} older pages removed from it`,
          );
      },
    },
  };
}

/** Empties the folder, if there is one, but for a `.git` in it, as Astro would have. */
function emptyFolder(folder: string): void {
  if (!existsSync(folder)) return;
  const names = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.name !== '.git');
  for (const entry of names) rmSync(path.join(folder, entry.name), { recursive: true, force: true });
}

/**
 * Removes `files` from the output; of those `gone` (no page of this build), the folders left empty
 * too, as a cold build makes no folder without a page in it.
 */
async function removeFromOutput(outDir: string, files: string[], gone: (file: string) => boolean): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      await rm(path.join(outDir, file), { force: true });
      if (!gone(file)) return;
      for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) {
        // Fails where the folder holds other pages: the folders above it do too.
        const removed = await rmdir(path.join(outDir, folder)).then(
          () => true,
          () => false,
        );
        if (!removed) break;
      }
    }),
  );
}

/** A pathname as the request for its page has it and as Astro lists it: without the trailing slash. */
const requestPath = (pathname: string) => pathname.replace(/\/+$/, '') || '/';
