/**
 * Where a build is, from the Astro process's progress events (src/integrations/progress/events.ts),
 * and how that reads on one line: the phase, pages and search shards done of how many, and the time
 * left at the rate so far. Pure: the time is given.
 */
import type { AstroPhase, ProgressEvent } from '../../../src/integrations/progress/events.ts';

export type Phase = AstroPhase | 'rendering' | 'checking' | 'swapping';

/** Work counted as it is done: `since` is when its total became known (ms, the clock of the caller). */
export interface Count {
  done: number;
  total: number;
  since: number;
}

export interface BuildProgress {
  phase: Phase;
  pages?: Count & { restored: number };
  shards?: Count;
}

export const START: BuildProgress = { phase: 'validating' };

const LABELS: Record<Phase, string> = {
  validating: 'validating content',
  preparing: 'preparing data (markdown, conversion) and bundling',
  rendering: 'rendering pages',
  bundles: 'writing search bundles',
  checking: 'validating the pages (html-validate), for npm run assemble',
  swapping: 'swapping the new site in',
};

export function advance(state: BuildProgress, event: ProgressEvent, now: number): BuildProgress {
  switch (event.kind) {
    case 'phase':
      return { ...state, phase: event.phase };
    case 'pages':
      return { ...state, phase: 'rendering', pages: { done: 0, restored: 0, total: event.total, since: now } };
    case 'page': {
      const pages = state.pages ?? { done: 0, restored: 0, total: 0, since: now };
      return { ...state, pages: { ...pages, done: pages.done + event.count, restored: pages.restored + event.restored } };
    }
    case 'shards':
      return { ...state, shards: { done: event.done, total: event.total, since: state.shards?.since ?? now } };
  }
}

const finished = (count?: Count) => count !== undefined && count.done >= count.total;

/** The phase's name; while the pages are done and search shards are not, the build waits for those. */
export function phaseLabel(state: BuildProgress): string {
  if (state.phase === 'rendering' && finished(state.pages) && state.shards && !finished(state.shards)) return 'indexing search shards';
  return LABELS[state.phase];
}

/** Milliseconds until the slower of pages and shards is done at its rate so far; unknown before either has started. */
export function timeLeft(state: BuildProgress, now: number): number | undefined {
  if (state.phase !== 'rendering') return undefined;
  const left = [state.pages, state.shards]
    .filter((c): c is Count => c !== undefined && c.done > 0 && c.done < c.total && now > c.since)
    .map((c) => ((c.total - c.done) * (now - c.since)) / c.done);
  return left.length === 0 ? undefined : Math.max(...left);
}

/** `45 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${pad(Math.floor((seconds % 3600) / 60))} min`;
}

/** The progress line: `rendering pages · pages 40/133, search shards 3/7 · about 5 s left`. */
export function describe(state: BuildProgress, now: number): string {
  const counts: string[] = [];
  if (state.phase === 'preparing' || state.phase === 'rendering') {
    if (state.pages) counts.push(`pages ${state.pages.done}/${state.pages.total}`);
    if (state.shards) counts.push(`search shards ${state.shards.done}/${state.shards.total}`);
  }
  const left = timeLeft(state, now);
  return [phaseLabel(state), counts.join(', '), left === undefined ? '' : `about ${formatDuration(left)} left`]
    .filter((part) => part !== '')
    .join(' · ');
}

/**
 * What a plain log marks: a new phase, and each quarter of the pages and of the shards, so that a
 * build of any size prints a few lines.
 */
export function milestone(state: BuildProgress): string {
  const quarter = (count?: Count) => (count && count.total > 0 ? Math.floor((4 * count.done) / count.total) : -1);
  return [phaseLabel(state), quarter(state.pages), quarter(state.shards)].join('|');
}

/** The pages written, once Astro is done: `133 pages written (40 restored from the cache)`. */
export function pagesSummary(state: BuildProgress): string | undefined {
  const pages = state.pages;
  return pages && `${pages.done} pages written (${pages.restored} restored from the cache)`;
}
