/**
 * Build phase timings for the benchmark: with `BUILD_TIMINGS=<file>`, every timed phase appends
 * one JSON line `{"phase","ms"}` to the file (the build wrapper and the Astro process both write
 * to it, so lines, not one JSON document). Without it, timing costs nothing and writes nothing.
 */
import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { settings } from '../config.ts';

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export function recordPhase(phase: string, ms: number): void {
  const file = settings.buildTimings;
  if (file) appendFileSync(file, `${JSON.stringify({ phase, ms } satisfies PhaseTiming)}\n`);
}

export function timedSync<T>(phase: string, run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    recordPhase(phase, performance.now() - started);
  }
}

export async function timed<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    recordPhase(phase, performance.now() - started);
  }
}

/** Times an integration's `astro:build:done` hook (the search indexes, the sitemap) as `phase`. */
export function timedBuildDone(phase: string, integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': (options) => timed(phase, async () => done(options)) } };
}

/** `pages`: from the start of Astro's build to the last page written (bundling and data included). */
export function pageTimings(): AstroIntegration {
  let started = 0;
  return {
    name: 'yiqihui-build-timings',
    hooks: {
      'astro:build:start': () => {
        started = performance.now();
      },
      'astro:build:generated': () => recordPhase('pages', performance.now() - started),
    },
  };
}
