/**
 * `npm run bench` end to end on a small corpus: the report has every figure, and the figures are
 * sane (never timing thresholds: how fast the build is belongs in BENCHMARKS.md, not in a test).
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/lib/report.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLES = 200;

describe('npm run bench -- --articles 200 --runs 1', () => {
  let report: BenchReport;
  let output: string;
  beforeAll(async () => {
    const work = await tempDir('bench');
    const json = path.join(work, 'report.json');
    const run = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['bench/scale.ts', '--articles', String(ARTICLES), '--runs', '1', '--work', work, '--json', json],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    report = JSON.parse(await readFile(json, 'utf8')) as BenchReport;
  }, 600_000);

  it('names the machine, the date and the command', () => {
    expect(report.machine.cores).toBe(os.cpus().length);
    expect(report.machine.memoryBytes).toBe(os.totalmem());
    expect(report.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.command).toContain(`--articles ${ARTICLES}`);
    expect(report.runs).toBe(1);
  });

  it('builds both variants of every article and listing, and the peer as many pages', () => {
    const [size] = report.sizes;
    expect(report.sizes).toHaveLength(1);
    expect(size!.articles).toBe(ARTICLES);
    // Two article pages per article, plus listings, homes, search pages and the 404 page.
    expect(size!.pages).toBeGreaterThan(2 * ARTICLES);
    expect(size!.outputFiles).toBeGreaterThan(size!.pages);
    expect(size!.outputBytes).toBeGreaterThan(ARTICLES * 2 * 1000);
    expect(size!.peerOutputBytes).toBeGreaterThan(ARTICLES * 2 * 1000);
  });

  it('has sane times, memory and ratios for every scenario', () => {
    const size = report.sizes[0]!;
    for (const sample of [size.cold, size.edit, size.add, size.peer!]) {
      expect(sample.ms).toBeGreaterThan(0);
      expect(sample.peakRss).toBeGreaterThan(10 * 2 ** 20);
      expect(sample.peakRss).toBeLessThan(os.totalmem());
    }
    expect(size.peer!.hugoMs + size.peer!.pagefindMs).toBeCloseTo(size.peer!.ms, 0);
    expect(size.ratios.coldToPeer).toBeCloseTo(size.cold.ms / size.peer!.ms, 5);
    expect(size.ratios.editToCold).toBeCloseTo(size.edit.ms / size.cold.ms, 5);
  });

  it('splits the cold build into phases that fit inside it', () => {
    const { phases, ms } = report.sizes[0]!.cold;
    const values = Object.values(phases);
    expect(Object.keys(phases).sort()).toEqual(['conversion', 'loading', 'rendering', 'search', 'startup', 'writing']);
    for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
    for (const key of ['loading', 'rendering', 'search'] as const) expect(phases[key]).toBeGreaterThan(0);
    expect(report.sizes[0]!.cold.searchIndexMs).toBeGreaterThan(0);
    expect(values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ms);
  });

  it('prints the tables for BENCHMARKS.md', () => {
    expect(output).toContain('| articles (pages) | our cold build |');
    expect(output).toMatch(new RegExp(`\\| ${ARTICLES} \\(\\d+\\) \\| \\d+\\.\\d s \\|`));
  });
});
