/** The build's progress line: phases, counts, time left at the rate so far, and the plain log's few lines. */
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/integrations/progress/events.ts';
import {
  advance,
  describe as line,
  formatDuration,
  START,
  timeLeft,
  type BuildProgress,
} from '../../../scripts/lib/build-progress/state.ts';
import { progressReporter } from '../../../scripts/lib/build-progress/reporter.ts';
import { writeSink } from '../../helpers/write-sink.ts';

/** The state after `events`, each at the time (ms) given with it. */
const after = (events: [ProgressEvent, number][], from: BuildProgress = START) =>
  events.reduce((state, [event, now]) => advance(state, event, now), from);
const pages = (n: number, at: number, restored = false) =>
  Array.from({ length: n }, (): [ProgressEvent, number] => [{ kind: 'page', count: 1, restored: restored ? 1 : 0 }, at]);

describe('the progress line', () => {
  it('names the phase, and the pages and search shards done of how many', () => {
    expect(line(START, 0)).toBe('validating content');
    const preparing = after([
      [{ kind: 'phase', phase: 'preparing' }, 0],
      [{ kind: 'shards', done: 0, total: 4 }, 0],
    ]);
    expect(line(preparing, 0)).toBe('preparing data (markdown, conversion) and bundling · search shards 0/4');
    const rendering = after([[{ kind: 'pages', total: 100 }, 1000], ...pages(25, 2000)], preparing);
    expect(line(rendering, 2000)).toBe('rendering pages · pages 25/100, search shards 0/4 · about 3 s left');
    expect(line(after([[{ kind: 'phase', phase: 'bundles' }, 3000]], rendering), 3000)).toBe('writing search bundles');
    expect(line({ ...rendering, phase: 'swapping' }, 3000)).toBe('swapping the new site in');
  });

  it('says the build waits for the search shards once the pages are done', () => {
    const state = after([
      [{ kind: 'shards', done: 0, total: 4 }, 0],
      [{ kind: 'pages', total: 2 }, 0],
      ...pages(2, 500),
      [{ kind: 'shards', done: 1, total: 4 }, 1000],
    ]);
    expect(line(state, 1000)).toBe('indexing search shards · pages 2/2, search shards 1/4 · about 3 s left');
  });

  it('estimates the time left from the slower of pages and shards, at the rate so far', () => {
    // Pages: 10 of 100 in 10 s, 90 s left; shards: 1 of 2 in 20 s, 20 s left.
    const state = after([
      [{ kind: 'shards', done: 0, total: 2 }, 0],
      [{ kind: 'shards', done: 1, total: 2 }, 15_000],
      [{ kind: 'pages', total: 100 }, 10_000],
      ...pages(10, 15_000),
    ]);
    expect(timeLeft(state, 20_000)).toBe(90_000);
    expect(timeLeft(after([[{ kind: 'pages', total: 100 }, 0]]), 5000)).toBeUndefined();
    expect(timeLeft(START, 5000)).toBeUndefined();
  });

  it('writes durations as a person reads them', () => {
    expect([800, 45_000, 60_000, 185_000, 3_725_000].map(formatDuration)).toEqual([
      '1 s',
      '45 s',
      '1 min 00 s',
      '3 min 05 s',
      '1 h 02 min',
    ]);
  });

  it('counts the pages restored from the cache apart', () => {
    const state = after([[{ kind: 'pages', total: 3 }, 0], ...pages(1, 1), ...pages(2, 2, true)]);
    expect(state.pages).toMatchObject({ done: 3, restored: 2, total: 3 });
  });
});

describe('the plain log (CI, or not a terminal)', () => {
  it.each([
    ['not a terminal', false, {}],
    ['CI', true, { CI: 'true' }],
  ])('prints a line a phase and a quarter of the work when %s, not a line a page', (_, isTTY, env) => {
    const { stream, written } = writeSink(isTTY);
    const reporter = progressReporter(stream, env, () => 1000);
    let state = START;
    const events: ProgressEvent[] = [
      { kind: 'phase', phase: 'preparing' },
      { kind: 'pages', total: 1000 },
      ...Array.from({ length: 1000 }, (): ProgressEvent => ({ kind: 'page', count: 1, restored: 0 })),
      { kind: 'phase', phase: 'bundles' },
    ];
    reporter.update(state);
    for (const event of events) {
      state = advance(state, event, 0);
      reporter.update(state);
    }
    reporter.print(stream, 'a warning, in full');
    reporter.stop();
    expect(written).toEqual([
      'validating content\n',
      'preparing data (markdown, conversion) and bundling\n',
      'rendering pages · pages 0/1000\n',
      'rendering pages · pages 250/1000 · about 3 s left\n',
      'rendering pages · pages 500/1000 · about 1 s left\n',
      'rendering pages · pages 750/1000 · about 1 s left\n',
      'rendering pages · pages 1000/1000\n',
      'writing search bundles\n',
      'a warning, in full\n',
    ]);
  });
});

describe('the live line (a terminal)', () => {
  it('is one line drawn in place, with the Astro output printed above it, and cleared when done', () => {
    const { stream, written } = writeSink(true);
    const reporter = progressReporter(stream, {}, () => 2000);
    reporter.update(after([[{ kind: 'pages', total: 100 }, 1000], ...pages(25, 2000)]));
    reporter.print(stream, 'warning: a.md: check this');
    reporter.stop();
    const shown = written.join('');
    expect(shown).toContain('rendering pages · pages 25/100 · about 3 s left');
    expect(shown).toContain('warning: a.md: check this\n');
    expect(shown).not.toMatch(/rendering pages[^\n]*\n/);
  });
});
