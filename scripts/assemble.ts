/**
 * `npm run assemble -- --out <dir> <segment dirs…>`: joins the segments of a build made with
 * `npm run build -- --segment I/N` into the site one build would have made, byte for byte: their
 * files (the ones several segments wrote must agree), and the search index merged from all their
 * shards. The result passes the built-site checks before it replaces the output folder, as a
 * build's does (scripts/lib/output-folder/); a refusal or a failed check touches nothing.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES, SITE_URL } from '../src/consts.ts';
import { settings } from '../src/config.ts';
import { isWithin, resolveParents } from '../src/integrations/project-folders.ts';
import { MANIFEST_FILE, SEGMENT_DIR, VALIDATION_FILE } from '../src/integrations/segment/output.ts';
import { cliArgs } from './lib/cli.ts';
import { BUILD_MARKER, BUILD_MARKER_TEXT, inspectOutput, outputRefusal } from './lib/output-folder/rules.ts';
import { astroOutDir, cleanLeftoversAndSay, shownPath, swapIn } from './lib/output-folder/swap.ts';
import { checkSite, formatPageProblem } from './lib/site-checks/index.ts';
import { readSegment, segmentProblems } from './lib/assemble/segments.ts';
import { joinTrees } from './lib/assemble/join.ts';
import { writeAssembledSearch } from './lib/assemble/search-index.ts';
import { knownFromSegments } from './lib/assemble/validation-record.ts';

const USAGE = 'npm run assemble -- --out <dir> <segment dirs…>   (the folders npm run build -- --segment I/N wrote)';
const { values, positionals } = cliArgs(
  () => parseArgs({ options: { out: { type: 'string', default: 'dist' } }, allowPositionals: true }),
  USAGE,
);
if (positionals.length === 0) {
  console.error(`name the segment folders to join\nusage: ${USAGE}`);
  process.exit(2);
}
const out = path.resolve(values.out);
const shown = shownPath(out);

const segments = positionals.map(readSegment);
/** Why `out` may not be replaced: the rules of a build's output, and not a segment being joined. */
const outRefusal = () => segmentClash() ?? outputRefusal(inspectOutput(values.out, settings.contentDir), values.out);
/**
 * Whether `--out` is a segment being joined, holds one or is inside one, by the folders' real
 * paths (a link's name hides neither): the swap would delete the segment, or write into it.
 */
function segmentClash(): string | undefined {
  const real = resolveParents(out);
  for (const segment of segments) {
    const dir = resolveParents(segment.dir);
    if (!isWithin(dir, real) && !isWithin(real, dir)) continue;
    const how = dir === real ? 'is' : isWithin(dir, real) ? 'holds' : 'is inside';
    return `--out ${values.out} ${how} the segment ${segment.shown}, which the assemble reads and its swap would delete or write into: name another folder, e.g. --out dist.`;
  }
  return undefined;
}
const refusals = [...segmentProblems(segments), outRefusal()].filter((p) => p !== undefined);
if (refusals.length > 0) {
  console.error(`Assemble refused:\n${refusals.map((p) => `- ${p}`).join('\n')}\nNothing was assembled or touched.`);
  process.exit(2);
}
const joined = segments.flatMap((s) => ('manifest' in s ? [{ ...s, manifest: s.manifest }] : []));
joined.sort((a, b) => a.manifest.index - b.manifest.index);

await cleanLeftoversAndSay(out, shown);

const staging = astroOutDir(out, process.cwd(), process.pid);
/** Stops with `message`, leaving the output as it was. */
const fail = async (message: string, status: number): Promise<never> => {
  await rm(staging, { recursive: true, force: true });
  console.error(`${message}\nNothing was assembled; ${shown} was not touched.`);
  process.exit(status);
};

/** Where the assemble is, one plain line a step: at 50,000 articles each step takes minutes. */
const step = (what: string) => console.error(`${what}…`);

step(`Joining the files of ${joined.length} segments`);
const ownFiles = new Set([MANIFEST_FILE, VALIDATION_FILE].map((file) => path.posix.join(SEGMENT_DIR, file)));
const differences = await joinTrees(
  joined.map((s) => ({ dir: s.dir, name: `segment ${s.manifest.segment} (${s.shown})` })),
  staging,
  // Each segment's own; the marker is written afresh (the joined one is a link into a segment).
  (file) => ownFiles.has(file) || file === BUILD_MARKER,
);
if (differences.length > 0) {
  await fail(`The segments do not make one site: files they each wrote differ.\n${differences.map((d) => `- ${d}`).join('\n')}`, 1);
}
step(`Merging the search index from ${joined[0]!.manifest.shards} shards`);
try {
  await writeAssembledSearch(staging, joined[0]!.manifest.shards);
} catch (error) {
  // The shards are all there (segmentProblems), but one is damaged: junk in a file, a broken entry.
  await fail(`A segment's search shards could not be merged (${(error as Error).message}): build the segments again.`, 1);
}
await writeFile(path.join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);

step('Checking the site (links, twins, orphans, XML, search bundles; html-validate on the pages no segment validated)');
const problems = await checkSite(staging, {
  origin: new URL(SITE_URL).origin,
  localeFolders: Object.keys(LOCALES),
  known: knownFromSegments(joined.map((s) => s.dir)),
});
if (problems.length > 0) {
  for (const problem of problems) console.log(formatPageProblem(problem));
  await fail(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the assembled site.`, 1);
}
// The checks took a while: someone may have put files in the output folder meanwhile.
const refusedNow = outRefusal();
if (refusedNow !== undefined) await fail(`Assemble refused: ${refusedNow}`, 2);
try {
  await swapIn(staging, out, process.pid);
} catch (error) {
  console.error(`Could not put the assembled site in place of ${shown}: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`Site assembled from ${joined.length} segments into ${shown}`);
