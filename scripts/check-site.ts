/**
 * Checks a built site: `tsx scripts/check-site.ts [dist]`. Prints every problem (links, twins,
 * orphans, html-validate, well-formed XML) and exits 1 if there is any.
 */
import { existsSync } from 'node:fs';
import { LOCALES, SITE_URL } from '../src/consts.ts';
import { checkSite, formatPageProblem } from './lib/site-checks/index.ts';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(dist)) {
  console.error(`${dist}: no such folder; build the site first (npm run build) or name the built folder`);
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
