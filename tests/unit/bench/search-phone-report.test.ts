/** The phone search bench's pure parts: medians per site and the tables for BENCHMARKS.md. */
import { describe, expect, it } from 'vitest';
import { searchPhoneChartSpec, searchPhoneChartSvg } from '../../../bench/lib/search-phone-chart.ts';
import { phoneMarkdown, summarizeSite, type QueryRun, type SiteRuns } from '../../../bench/lib/search-phone-report.ts';

const run = (query: string, firstResultMs: number | null, bytes: number, requests: number, second?: number | null): QueryRun => ({
  query,
  page: '/search/',
  firstResultMs,
  shown: firstResultMs === null ? 0 : 10,
  bytes,
  requests,
  ...(second === undefined ? {} : { second: { query: 'x', ms: second, bytes: 0, requests: 0 } }),
});
const site = (queries: QueryRun[]): SiteRuns => ({ site: 'ours', emptyPage: { loadMs: 700, bytes: 108_544, requests: 16 }, queries });

describe('summarizeSite', () => {
  it('takes medians, the time over the answered queries only, and names the unanswered ones', () => {
    const summary = summarizeSite(
      site([
        run('店', 3000, 200_000, 28, 1000),
        run('发货', null, 100_000, 20),
        run('物流', 5000, 300_000, 30, 1400),
        run('SaaS', 4000, 50, 40, null),
      ]),
    );
    expect(summary).toMatchObject({ firstResultMs: 4000, bytes: 150_000, requests: 29, secondQueryMs: 1200, unanswered: ['发货'] });
  });
  it('has no time when no query was answered', () => {
    expect(summarizeSite(site([run('店', null, 10, 1)]))).toMatchObject({ firstResultMs: null, secondQueryMs: null, unanswered: ['店'] });
  });
});

describe('phoneMarkdown', () => {
  it('prints a summary row per site and a row per query with each site in its column', () => {
    const ours = site([run('店', 3060, 213_101, 28, 1200), run('发货', null, 197_181, 28)]);
    const peer = { ...site([run('店', 2240, 148_642, 17, 1000)]), site: 'peer' };
    const markdown = phoneMarkdown({
      command: 'npm run bench:search-phone',
      date: '2026-11-29',
      machine: { cores: 2, memoryBytes: 2 ** 34, cpu: 'Xeon' },
      link: 'Fast 3G',
      sites: [ours, peer].map((s) => ({ ...s, summary: summarizeSite(s) })),
    });
    expect(markdown.split('\n').slice(4)).toEqual([
      '| ours | 3.1 s | 200 KB | 28 | 0.7 s to load, 16 req., 106 KB | 1.2 s | 发货 |',
      '| peer | 2.2 s | 145 KB | 17 | 0.7 s to load, 16 req., 106 KB | 1.0 s | none |',
      '',
      '| query | ours | peer |',
      '|---|---|---|',
      '| 店 | 3.1 s, 28 req., 208 KB | 2.2 s, 17 req., 145 KB |',
      '| 发货 | –, 28 req., 193 KB (no result) | – |',
    ]);
  });
});

describe('the phone chart', () => {
  const ours = site([run('店', 3060, 213_101, 28), run('发货', 2000, 100_000, 20)]);
  const peer = { ...site([run('店', 2240, 148_642, 17)]), site: 'peer' };
  const report = {
    command: 'npm run bench:search-phone',
    date: '2026-11-29',
    machine: { cores: 2, memoryBytes: 2 ** 34, cpu: 'Xeon' },
    link: 'Fast 3G',
    sites: [ours, peer].map((s) => ({ ...s, summary: summarizeSite(s) })),
  };

  it('draws each site with its median time and bytes, in the order measured', () => {
    const spec = searchPhoneChartSpec(report) as { data: { values: unknown[] } };
    expect(spec.data.values).toEqual([
      { site: 'ours', seconds: 2.53, kilobytes: 153 },
      { site: 'peer', seconds: 2.24, kilobytes: 145 },
    ]);
  });

  it('renders to an SVG that names the sites', async () => {
    const svg = await searchPhoneChartSvg(report);
    expect(svg).toMatch(/^<svg/);
    for (const text of ['ours', 'peer', 'time to first results (s)', 'bytes of the first query (KB)']) expect(svg).toContain(text);
  });
});
