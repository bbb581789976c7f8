/**
 * Checks a built site: `tsx scripts/check-site.ts [dist]`. Prints every problem (links, twins,
 * orphans, html-validate, well-formed XML, whole search bundles) and exits 1 if there is any.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, SITE_URL } from '../src/consts.ts';
import { MANIFEST_FILE, SEGMENT_DIR } from '../src/integrations/segment/output.ts';
import { checkSite, formatPageProblem } from './lib/site-checks/index.ts';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(dist)) {
  console.error(`${dist}: no such folder; build the site first (npm run build) or name the built folder`);
  process.exit(1);
}
// A segment holds a share of the pages and none of the search index: every check would fail on it.
if (existsSync(path.join(dist, SEGMENT_DIR, MANIFEST_FILE))) {
  console.error(`${dist} is one segment of a build, not a site: join the segments first (npm run assemble -- --out <dir> <segment dirs…>)`);
  process.exit(1);
}
const problems = await checkSite(dist, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES) });
for (const problem of problems) console.log(formatPageProblem(problem));
if (problems.length > 0) {
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dist}`);
  process.exitCode = 1;
} else {
  console.log(`${dist}: no problems`);
}
