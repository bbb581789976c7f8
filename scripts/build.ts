/**
 * `npm run build`: Astro builds into a fresh directory beside the output (the site-data
 * integration validates the content first and stops the build on any error), and the result is
 * swapped in only when the whole build (pages and search indexes) succeeded. A failed build leaves
 * the previous good site untouched and nothing half-written behind; a folder that no build made
 * is never replaced (scripts/lib/output-folder/). `--segment I/N` builds one N-th of the site, for
 * `npm run assemble` to join (src/lib/segments.ts).
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { settings } from '../src/config.ts';
import { formatSegment, parseSegment, SEGMENT_FORMAT } from '../src/lib/segments.ts';
import { recordPhase, timed } from '../src/integrations/timings.ts';
import { cliArgs } from './lib/cli.ts';
import { buildCacheProblem } from '../src/integrations/cache-folder.ts';
import { BUILD_MARKER, BUILD_MARKER_TEXT, inspectOutput, outputRefusal } from './lib/output-folder/rules.ts';
import { astroOutDir, cleanLeftoversAndSay, shownPath, swapIn } from './lib/output-folder/swap.ts';
import { progressReporter } from './lib/build-progress/reporter.ts';
import { runAstro } from './lib/build-progress/run-astro.ts';
import { recordValidation } from './lib/assemble/validation-record.ts';
import { pagesSummary } from './lib/build-progress/state.ts';

const USAGE = 'npm run build [-- --out <dir>] [--segment I/N]   (content from CONTENT_DIR, default content/)';
const { values } = cliArgs(
  () => parseArgs({ options: { out: { type: 'string', default: 'dist' }, segment: { type: 'string' } }, allowPositionals: false }),
  USAGE,
);
const segment = values.segment === undefined ? settings.buildSegment : parseSegment(values.segment);
if (segment === undefined && values.segment !== undefined) {
  console.error(`--segment takes ${SEGMENT_FORMAT}; got ${JSON.stringify(values.segment)}\nusage: ${USAGE}`);
  process.exit(2);
}
const out = path.resolve(values.out);
const shown = shownPath(out);
/** Why `out` is not a folder a build may replace (see rules.ts), if it is not. */
const refusal = () => outputRefusal(inspectOutput(values.out, settings.contentDir), values.out);
const refused = buildCacheProblem(values.out, settings.contentDir) ?? refusal();
if (refused !== undefined) {
  console.error(`Build refused: ${refused}\nNothing was built or touched.`);
  process.exit(2);
}

const started = performance.now();
await cleanLeftoversAndSay(out, shown);

const staging = astroOutDir(out, process.cwd(), process.pid);
const reporter = progressReporter(process.stderr, process.env);
const astro = await runAstro(
  [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging],
  {
    // Worker threads come and go (conversion, Markdown, search): glibc gives each its own malloc
    // arena, whose freed memory stays resident. Two arenas: 0.18 GB less at the peak of a
    // 10,000-article build (BENCHMARKS.md), in the same time. Anyone's own setting wins.
    MALLOC_ARENA_MAX: '2',
    // V8's compiled code of Astro, Vite and our modules, kept with the build cache: compiling them
    // took 0.22 s of a 10,000-article edit rebuild's start (`node --cpu-prof`), 0.07 s from the
    // cache. Node checks each entry against its module's source and its own version.
    NODE_COMPILE_CACHE: path.join(settings.buildCacheDir, 'node-compile'),
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(segment && { BUILD_SEGMENT: formatSegment(segment) }),
  },
  reporter,
);
recordPhase('astro', performance.now() - started);
if (astro.status !== 0 || !existsSync(path.join(staging, 'index.html'))) {
  reporter.stop();
  await rm(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${shown} was not touched.`);
  process.exit(astro.status || 1);
}

if (segment) {
  reporter.update({ ...astro.progress, phase: 'checking' });
  await timed('validate', () => recordValidation(staging));
}
await writeFile(path.join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);
// The build took a while: someone may have put files in the output folder meanwhile.
const refusedNow = refusal();
if (refusedNow !== undefined) {
  reporter.stop();
  await rm(staging, { recursive: true, force: true });
  console.error(`\nBuild refused: ${refusedNow}\nThe new site was discarded; ${shown} was not touched.`);
  process.exit(2);
}
const summary = pagesSummary(astro.progress);
if (summary) reporter.print(process.stdout, summary);
reporter.update({ ...astro.progress, phase: 'swapping' });
try {
  await timed('swap', () => swapIn(staging, out, process.pid));
} catch (error) {
  reporter.stop();
  // The next build removes what this one left, or puts the old output back (cleanLeftovers).
  console.error(`\nCould not put the new site in place of ${shown}: ${(error as Error).message}`);
  process.exit(1);
}
reporter.stop();
recordPhase('total', performance.now() - started);
console.log(
  segment
    ? `Segment ${formatSegment(segment)} written to ${shown}: not a site until npm run assemble joins it with the other segments`
    : `Site written to ${shown}`,
);
