/**
 * The one owner of the site data during a build or a dev session. It
 * - decides, from Astro's command, what the data is made of (the content directory; drafts only in
 *   `astro dev`),
 * - loads and validates it once per build, failing with every problem listed before anything is
 *   bundled or rendered,
 * - hands it to the routes through the virtual module `virtual:yiqihui/site` (and to the search
 *   integration through `./site.ts` itself), and
 * - in dev, has the routes read content/ again when a writer edits it, and the browser reload.
 *
 * The virtual module configures `./site.ts` and re-exports its `getSite`. In a build it imports
 * that file as an external module: Astro loads this config with Node itself and runs the built
 * pages in the same process, so the pages get the very module instance this integration loaded
 * the data into, instead of a bundled copy that would prepare everything again. In dev the routes
 * run in Vite's module runner, which evaluates its own instance (reloaded on each edit).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { contentDir } from './load-content.ts';
import { isError, printProblems, type ContentProblem } from '../../lib/content/problems.ts';
import { configureSite, getSite, restorePagesWith, validContent, type SiteOptions } from './site.ts';
import type { PageRestore } from '../../lib/route-data/page-keys.ts';
import { pageKeysFile, writePageKeys } from './page-keys-file.ts';
import { settings } from '../../config.ts';
import { buildCacheProblem } from '../cache-folder.ts';

const SITE_MODULE_ID = 'virtual:yiqihui/site';
const RESOLVED_ID = `\0${SITE_MODULE_ID}`;
const SITE_MODULE = fileURLToPath(new URL('./site.ts', import.meta.url));

/** `restore`: where a build's pages go whose keys the page store holds, instead of to Astro. */
export default function siteData(restore: PageRestore): AstroIntegration {
  let options: SiteOptions | undefined;
  return {
    name: 'yiqihui-site-data',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // `npm run dev` writes the same caches as a build: the cache is refused where npm run build
        // and check refuse it, before Astro starts (a build's output is known to npm run build only).
        const cacheProblem = command === 'dev' ? buildCacheProblem(settings.distDir, contentDir()) : undefined;
        if (cacheProblem !== undefined) {
          console.error(`${cacheProblem}\nNothing was started or touched.`);
          process.exit(2);
        }
        // Only a build renders a segment; `npm run dev` shows every page.
        const segment = command === 'build' ? settings.buildSegment : undefined;
        options = { contentDir: contentDir(), drafts: command === 'dev', segment, keepPageKeys: command === 'build' };
        configureSite(options);
        if (command === 'build') restorePagesWith(restore);
        updateConfig({ vite: { plugins: [siteModule(options, command === 'build')] } });
      },
      // Nothing is bundled or rendered from invalid content; the rest of the data is prepared
      // while Vite bundles the pages (and the search index waits for it).
      'astro:build:start': async () => {
        try {
          await validContent();
        } catch (error) {
          const problems = (error as { problems?: ContentProblem[] }).problems;
          if (!problems) throw error;
          await stopOn(problems);
        }
      },
      // The keys are kept once the build has made them all (a failed build ends before this hook).
      'astro:build:done': async ({ logger }) => {
        const { contentDir: dir, segment } = options!;
        const { pageKeys } = await getSite();
        if (!pageKeys) return;
        await writePageKeys(pageKeysFile(dir, segment), pageKeys);
        logger.info(`${pageKeys.kept} of ${pageKeys.entries().length} page keys were the last build's (their data is the same)`);
      },
      'astro:server:setup': ({ server, logger }) => reloadOnEdit(server, logger, SITE_MODULE),
    },
  };
}

function siteModule(options: SiteOptions, external: boolean): Plugin {
  const fileUrl = pathToFileURL(SITE_MODULE).href;
  const source = JSON.stringify(external ? fileUrl : SITE_MODULE);
  return {
    name: 'yiqihui-site-data',
    // Before Vite's own resolver, which would resolve the file and bundle it.
    enforce: 'pre',
    resolveId(id) {
      if (id === SITE_MODULE_ID) return RESOLVED_ID;
      // Vite hands the file URL over as a path.
      if (external && id === SITE_MODULE) return { id: fileUrl, external: true };
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return [
        `import { configureSite, getSite } from ${source};`,
        `configureSite(${JSON.stringify(options)});`,
        'export { getSite };',
        `export const segment = ${JSON.stringify(options.segment) ?? 'undefined'};`,
      ].join('\n');
    },
  };
}

/**
 * Content errors are the writer's to fix: printed as `npm run check` prints them, one line each,
 * and the build ends there with a one-line reason. Thrown, Astro would frame them as "an unhandled
 * error occurred while running a hook", as if the build had crashed.
 */
async function stopOn(problems: ContentProblem[]): Promise<never> {
  printProblems(problems);
  const count = problems.filter(isError).length;
  console.error(`Build stopped: fix the ${count} error(s) above (npm run check lists the same problems without building).`);
  // A pipe (npm run build reads it) is written asynchronously: exiting at once would drop what is
  // still queued, the end of a long list. The empty write's callback comes after all of it.
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  process.exit(1);
}

/**
 * A writer's edit in content/ (a file saved, added or removed): `./site.ts` is reloaded in the
 * module runner, and with it everything that imports it, so the routes run (and their
 * `getStaticPaths` read the content) afresh on the next request; the browser is told to reload.
 */
function reloadOnEdit(server: ViteDevServer, logger: { info: (message: string) => void }, siteModule: string): void {
  const content = contentDir();
  server.watcher.add(content);
  const reload = async (file: string) => {
    if (!file.startsWith(content)) return;
    logger.info(`${path.relative(process.cwd(), file)} changed: reloading`);
    for (const environment of Object.values(server.environments)) {
      for (const module of environment.moduleGraph.getModulesByFile(siteModule) ?? []) await environment.reloadModule(module);
    }
    server.ws.send({ type: 'full-reload' });
  };
  for (const event of ['change', 'add', 'unlink', 'addDir', 'unlinkDir']) server.watcher.on(event, reload);
}
