/** Runs the real `npm run build` pipeline on a fixture content dir, as CI would. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number;
  output: string;
}

/** `args`: more flags for the build, e.g. `['--segment', '2/3']`. */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}, args: string[] = []): BuildResult {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/node'), ['scripts/build.ts', '--out', outDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_CACHE_DIR: path.join(outDir, '..', 'cache'), ...env },
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

/** A built page, parsed: `page(dist, '/jingying/2/')`. */
export async function page(dist: string, urlPath: string) {
  const file = urlPath.endsWith('.html') ? urlPath : path.join(urlPath, 'index.html');
  return cheerio.load(await readFile(path.join(dist, file), 'utf8'));
}

/** Text as a reader sees it: whitespace collapsed. */
export const textOf = (text: string) => text.replace(/\s+/g, ' ').trim();
