/**
 * `npm run build`: validate the content, build into a fresh directory beside the output, and
 * swap it in only when the whole build (pages and search indexes) succeeded. A failed build leaves
 * the previous good site untouched and nothing half-written behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, loadContent } from '../src/lib/content/load.ts';
import { formatProblem, isError } from '../src/lib/content/problems.ts';
import { cliArgs } from './lib/cli.ts';

const { values } = cliArgs(
  () => parseArgs({ options: { out: { type: 'string', default: 'dist' } }, allowPositionals: false }),
  'npm run build [-- --out <dir>]   (content from CONTENT_DIR, default content/)',
);
const out = path.resolve(values.out);
const staging = `${out}.tmp-${process.pid}`;

const { problems } = await loadContent(contentDir());
for (const p of problems) (isError(p) ? console.error : console.warn)(formatProblem(p));
if (problems.some(isError)) {
  console.error(`\nBuild stopped: fix the ${problems.filter(isError).length} error(s) above; ${path.relative(process.cwd(), out) || out} was not touched.`);
  process.exit(1);
}

const astro = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0 || !existsSync(path.join(staging, 'index.html'))) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${path.relative(process.cwd(), out) || out} was not touched.`);
  process.exit(astro.status || 1);
}

const previous = `${out}.old-${process.pid}`;
if (existsSync(out)) await rename(out, previous);
await rename(staging, out);
await rm(previous, { recursive: true, force: true });
console.log(`Site written to ${path.relative(process.cwd(), out) || out}`);
