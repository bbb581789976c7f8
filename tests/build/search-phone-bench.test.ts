/**
 * `npm run bench:search-phone` end to end on a small corpus: both sites built from it, each query
 * answered on both search pages (ours and the peer's Pagefind page) on the emulated link, and
 * every request counted, the web worker's included. No timing thresholds: figures only reported.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PhoneReport } from '../../bench/lib/search-phone-report.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLES = 60;
const QUERIES = ['发货', '物流'];

describe(`npm run bench:search-phone -- --articles ${ARTICLES} --queries ${QUERIES.join(',')}`, () => {
  let report: PhoneReport;
  let output: string;
  let work: string;
  beforeAll(async () => {
    work = await tempDir('search-phone');
    const json = path.join(work, 'report.json');
    const run = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['bench/search-phone.ts', '--articles', String(ARTICLES), '--queries', QUERIES.join(','), '--work', work, '--json', json],
      { cwd: ROOT, encoding: 'utf8' },
    );
    output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    report = JSON.parse(await readFile(json, 'utf8')) as PhoneReport;
  }, 600_000);

  it('measures ours and the peer built from the same corpus', () => {
    expect(report.sites.map((s) => s.site)).toEqual([`ours (${ARTICLES} articles)`, `peer (${ARTICLES} articles)`]);
  });

  it('finds results for every query on both pages, and again for a second query typed into the page', () => {
    for (const site of report.sites) {
      expect(site.queries.map((q) => q.query)).toEqual(QUERIES);
      for (const q of site.queries) {
        expect(q.firstResultMs, `${site.site} ${q.query}`).toBeGreaterThan(0);
        expect(q.shown).toBeGreaterThan(0);
        expect(q.shown).toBeLessThanOrEqual(10);
        expect(q.second?.ms, `${site.site} ${q.query} then ${q.second?.query}`).toBeGreaterThan(0);
      }
      expect(site.summary.unanswered).toEqual([]);
    }
  });

  it("counts the bytes the web worker fetched: every first query includes Pagefind's wasm", () => {
    const wasm = (dist: string) => statSync(path.join(work, String(ARTICLES), dist, 'pagefind/wasm.unknown.pagefind')).size;
    const [ours, peer] = report.sites;
    for (const q of ours!.queries) expect(q.bytes).toBeGreaterThan(wasm('dist'));
    for (const q of peer!.queries) expect(q.bytes).toBeGreaterThan(wasm('hugo/public'));
    for (const site of report.sites) expect(site.emptyPage.requests).toBeGreaterThan(0);
  });

  it('prints the tables for BENCHMARKS.md', () => {
    expect(output).toContain('| site | first results (median) |');
    expect(output).toMatch(new RegExp(`\\| ours \\(${ARTICLES} articles\\) \\| \\d+\\.\\d s \\| \\d+ KB \\| \\d+ \\|`));
  });
});
