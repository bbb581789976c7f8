/**
 * How long the checks take on a site of ~26,000 pages (20 channels × 620 articles, both
 * variants, articles of ~10 kB like the real ones): `npx tsx bench/site-checks.ts [dir]`. Writes the tree to a temp dir (or
 * reuses `dir` if it exists), then times the link/twin/orphan checks over all pages and
 * html-validate over a sample, since validating every page is the slow part.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { checkLinks, checkOrphans, checkTwins, readBuiltSite, validatePages } from '../scripts/lib/site-checks/index.ts';
import { isHtmlFile, sitePathOf } from '../scripts/lib/site-checks/site-paths.ts';
import { FOLDERS, ORIGIN, syntheticSite, writeTree } from '../tests/unit/site-checks/synthetic-site.ts';

const VALIDATION_SAMPLE = 500;

async function main(): Promise<void> {
  const given = process.argv[2];
  const tree = syntheticSite({ channels: 20, articlesPerChannel: 620, pageSize: 20, paragraphs: 80 });
  const dir = given !== undefined && existsSync(given) ? given : await writeTree(tree, given);
  const pages = [...tree.keys()].filter(isHtmlFile);
  const bytes = [...tree.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(`${pages.length} pages, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${dir}`);

  let start = performance.now();
  const site = await readBuiltSite(dir, ORIGIN);
  const loaded = performance.now();
  const problems = [...checkLinks(site), ...checkTwins(site, FOLDERS), ...checkOrphans(site, FOLDERS)];
  const checked = performance.now();
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `read + parse: ${((loaded - start) / 1000).toFixed(1)} s; links, twins, orphans: ${((checked - loaded) / 1000).toFixed(1)} s; heap ${heap.toFixed(0)} MiB; ${problems.length} problems`,
  );

  start = performance.now();
  const sample = pages.slice(0, VALIDATION_SAMPLE).map(sitePathOf);
  const invalid = await validatePages(dir, sample);
  const perPage = (performance.now() - start) / sample.length;
  console.log(
    `html-validate: ${perPage.toFixed(1)} ms a page (≈ ${((perPage * pages.length) / 1000).toFixed(0)} s for all); ${invalid.length} problems in the sample`,
  );
  if (given === undefined) await rm(dir, { recursive: true });
}

await main();
