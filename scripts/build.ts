/**
 * `npm run build`: Astro builds into a fresh directory beside the output (the site-data
 * integration validates the content first and stops the build on any error), and the result is
 * swapped in only when the whole build (pages and search indexes) succeeded. A failed build leaves
 * the previous good site untouched and nothing half-written behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recordPhase, timed } from '../src/lib/timings.ts';
import { cliArgs } from './lib/cli.ts';

const { values } = cliArgs(
  () => parseArgs({ options: { out: { type: 'string', default: 'dist' } }, allowPositionals: false }),
  'npm run build [-- --out <dir>]   (content from CONTENT_DIR, default content/)',
);
const out = path.resolve(values.out);
// Astro puts its temporary server build in the output dir only when that is inside the working
// dir, and otherwise in the shared ./.astro/, where two builds at once (parallel tests) would
// delete each other's files: so the staging dir is always inside the working dir.
const inside = !path.relative(process.cwd(), out).startsWith('..');
const staging = inside ? `${out}.tmp-${process.pid}` : path.resolve('.cache', `staging-${process.pid}`);

const started = performance.now();
const astro = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
recordPhase('astro', performance.now() - started);
if (astro.status !== 0 || !existsSync(path.join(staging, 'index.html'))) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${path.relative(process.cwd(), out) || out} was not touched.`);
  process.exit(astro.status || 1);
}

await timed('swap', async () => {
  const previous = `${out}.old-${process.pid}`;
  if (existsSync(out)) await rename(out, previous);
  await moveDir(staging, out);
  await rm(previous, { recursive: true, force: true });
});
recordPhase('total', performance.now() - started);
console.log(`Site written to ${path.relative(process.cwd(), out) || out}`);

/** A rename, or a copy when the output is on another file system than the working dir. */
async function moveDir(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
