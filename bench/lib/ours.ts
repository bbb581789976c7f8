/**
 * Our build as the benchmark runs it: `scripts/build.ts` in a child process with its own output,
 * cache dir and timings file, measured as a process tree.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PhaseTiming } from '../../src/integrations/timings.ts';
import { runMeasured, type Measured } from './process-tree.ts';

export interface OurBuild {
  contentDir: string;
  outDir: string;
  /** What CI restores between runs (BUILD_CACHE_DIR). */
  cacheDir: string;
  timingsFile: string;
}

/** Phases as the report shows them, in ms. */
export interface Phases {
  loading: number;
  conversion: number;
  rendering: number;
  search: number;
  writing: number;
  startup: number;
}

export interface OurResult extends Measured {
  phases: Phases;
  /** The search index's own time, which runs alongside the phases (from when the site data is ready), not after them. */
  searchIndexMs: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The build's raw timings (src/integrations/timings.ts) as report phases. `pages` spans Astro's whole page
 * generation, which includes loading, Markdown, conversion and writing each page as it renders;
 * `writing` is what comes after (sitemap, swapping the output in).
 */
export function reportPhases(timings: PhaseTiming[]): Phases {
  const sum = (phase: string) => timings.filter((t) => t.phase === phase).reduce((total, t) => total + t.ms, 0);
  const inPages = sum('load') + sum('markdown') + sum('convert');
  return {
    loading: sum('validate') + sum('load'),
    conversion: sum('convert'),
    // Pages rendered, and the unchanged ones restored from the page store.
    rendering: sum('markdown') + Math.max(0, sum('pages') - inPages) + sum('restore'),
    // What the build waits for search after the pages (the rest of indexing ran alongside them)
    // and writing both variants' bundles.
    search: sum('search'),
    writing: sum('sitemap') + sum('swap'),
    startup: Math.max(0, sum('astro') - sum('pages') - sum('restore') - sum('sitemap') - sum('search')),
  };
}

export const parseTimings = (text: string): PhaseTiming[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PhaseTiming);

export async function buildOurs(build: OurBuild): Promise<OurResult> {
  await rm(build.timingsFile, { force: true });
  const result = await runMeasured(path.join(ROOT, 'node_modules/.bin/node'), ['scripts/build.ts', '--out', build.outDir], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: build.contentDir, BUILD_CACHE_DIR: build.cacheDir, BUILD_TIMINGS: build.timingsFile },
  });
  if (result.status !== 0) throw new Error(`bench: our build of ${build.contentDir} failed (exit ${result.status}):\n${result.tail}`);
  const timings = parseTimings(await readFile(build.timingsFile, 'utf8'));
  const searchIndexMs = timings.filter((t) => t.phase === 'search-index').reduce((total, t) => total + t.ms, 0);
  return { ...result, phases: reportPhases(timings), searchIndexMs };
}
