/**
 * `npm run check`: validate all content without building. Prints every problem in every file,
 * exits 1 when there is an error (warnings alone pass).
 */
import { parseArgs } from 'node:util';
import { contentDir, loadContent } from '../src/integrations/site-data/load-content.ts';
import { annotateProblems, isError, printProblems } from '../src/lib/content/problems.ts';
import { settings } from '../src/config.ts';
import { cliArgs } from './lib/cli.ts';
import { buildCacheProblem } from '../src/integrations/cache-folder.ts';

const { values } = cliArgs(
  () => parseArgs({ options: { content: { type: 'string' } }, allowPositionals: false }),
  'npm run check [-- --content <dir>]',
);
const dir = values.content ?? contentDir();
// The check keeps what it learns of each article in the build cache: never among the sources.
const cacheProblem = buildCacheProblem(settings.distDir, dir);
if (cacheProblem !== undefined) {
  console.error(`Check refused: ${cacheProblem}\nNothing was checked or touched.`);
  process.exit(2);
}
const started = performance.now();
const { content, problems, articleFiles } = await loadContent(dir);
printProblems(problems);
if (process.env.GITHUB_ACTIONS === 'true') await annotateProblems(problems);
const errors = problems.filter(isError).length;
const warnings = problems.length - errors;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(
  `${count(articleFiles, 'article')} and ${count(content.channels.length, 'channel')} checked in ${seconds} s: ` +
    `${count(errors, 'error')}, ${count(warnings, 'warning')}`,
);
process.exitCode = errors > 0 ? 1 : 0;
