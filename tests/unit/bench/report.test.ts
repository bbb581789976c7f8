/** The benchmark's pure parts: medians, phases from build timings, process trees, BENCHMARKS.md. */
import { describe, expect, it } from 'vitest';
import { median, medianOf, runsText, scaling, type BenchReport, type SizeSummary } from '../../../bench/lib/report.ts';
import { reportPhases } from '../../../bench/lib/ours.ts';
import { descendants, parentFromStat } from '../../../bench/lib/process-tree.ts';
import { SCALE_BLOCK, SEARCH_PHONE_BLOCK, withBlock } from '../../../bench/lib/benchmarks-file.ts';
import { savedReportProblem } from '../../../bench/lib/record.ts';

const { start: START, end: END } = SCALE_BLOCK;

describe('median', () => {
  it.each([
    { values: [3], expected: 3 },
    { values: [5, 1, 3], expected: 3 },
    { values: [4, 1, 3, 2], expected: 2.5 },
  ])('of $values is $expected', ({ values, expected }) => expect(median(values)).toBe(expected));

  it('takes nested fields one by one', () => {
    expect(
      medianOf([
        { ms: 1, p: { a: 9 } },
        { ms: 3, p: { a: 1 } },
        { ms: 2, p: { a: 5 } },
      ]),
    ).toEqual({ ms: 2, p: { a: 5 } });
  });
});

describe('reportPhases', () => {
  const t = (phase: string, ms: number) => ({ phase, ms });
  it('splits the build: data preparation out of Astro pages, restored pages in rendering, startup what Astro spent elsewhere', () => {
    const phases = reportPhases([
      t('validate', 10),
      t('load', 20),
      t('markdown', 30),
      t('convert', 40),
      t('pages', 200),
      t('restore', 7),
      t('sitemap', 5),
      t('search', 300),
      t('astro', 600),
      t('swap', 1),
      t('total', 615),
    ]);
    expect(phases).toEqual({ loading: 30, conversion: 40, rendering: 30 + 110 + 7, search: 300, writing: 6, startup: 88 });
  });
  it('adds up a phase that occurs twice and counts a missing one as 0', () => {
    expect(reportPhases([t('validate', 1), t('validate', 2)])).toMatchObject({ loading: 3, search: 0 });
  });
});

describe('process tree', () => {
  it.each([
    { stat: '42 (node) S 7 42 42 0', parent: 7 },
    { stat: '43 (a (weird) name) R 42 43 42 0', parent: 42 },
  ])('reads the parent from "$stat"', ({ stat, parent }) => expect(parentFromStat(stat)).toBe(parent));

  it('finds every descendant and nothing else', () => {
    const parentOf = new Map([
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 3],
      [6, 1],
      [7, 99],
    ]);
    expect(descendants(2, parentOf).sort()).toEqual([2, 3, 4, 5]);
  });
});

describe('scaling', () => {
  const size = (articles: number, ms: number) => ({ articles, cold: { ms } }) as SizeSummary;
  it('compares each size with the next smaller one', () => {
    expect(scaling([size(20, 300), size(10, 100), size(5, 60)])).toEqual([
      { from: 5, to: 10, timeRatio: 100 / 60, articleRatio: 2 },
      { from: 10, to: 20, timeRatio: 3, articleRatio: 2 },
    ]);
  });
});

describe('runsText', () => {
  const report = (runs: number, sizes: { articles: number; runs?: number }[]) => ({ runs, sizes }) as BenchReport;
  it("says how many runs each size's medians are of when joined reports differ", () => {
    expect(runsText(report(1, [{ articles: 10 }, { articles: 20 }]))).toBe('medians of 1 run(s)');
    expect(
      runsText(
        report(1, [
          { articles: 10, runs: 3 },
          { articles: 20, runs: 3 },
        ]),
      ),
    ).toBe('medians of 3 run(s)');
    expect(runsText(report(1, [{ articles: 10, runs: 3 }, { articles: 20 }]))).toBe(
      'medians of 3 run(s) at 10 articles, 1 run(s) at 20 articles',
    );
  });
});

describe('withBlock', () => {
  const block = (text: string) => `${START}\n${text}\n${END}`;
  it.each([
    { what: 'an empty file', file: '', expected: `# Benchmarks\n\n## Scale\n\n${block('new')}\n` },
    {
      what: "another engineer's section is kept and Scale appended",
      file: '# Benchmarks\n\n## Search\n\ntheirs\n',
      expected: `# Benchmarks\n\n## Search\n\ntheirs\n\n## Scale\n\n${block('new')}\n`,
    },
    {
      what: 'only the generated block is replaced',
      file: `# B\n\n## Scale\n\nwhy it is slow\n\n${block('old')}\n\nmore notes\n\n## Search\n\ntheirs\n`,
      expected: `# B\n\n## Scale\n\nwhy it is slow\n\n${block('new')}\n\nmore notes\n\n## Search\n\ntheirs\n`,
    },
  ])('$what', ({ file, expected }) => expect(withBlock(file, SCALE_BLOCK, 'new')).toBe(expected));
});

describe('withBlock of a second benchmark', () => {
  it("adds a second benchmark's block under its own heading and leaves the first one alone", () => {
    const scale = `# Benchmarks\n\n## Scale\n\n${START}\nscale\n${END}\n`;
    const { start, end } = SEARCH_PHONE_BLOCK;
    const once = withBlock(scale, SEARCH_PHONE_BLOCK, 'old');
    expect(once).toBe(`${scale}\n## Search on a phone\n\n${start}\nold\n${end}\n`);
    expect(withBlock(once, SEARCH_PHONE_BLOCK, 'new')).toBe(`${scale}\n## Search on a phone\n\n${start}\nnew\n${end}\n`);
  });
});

describe('a saved report given to --from', () => {
  const FIELDS = ['command', 'sizes'];
  it('is taken when it has the fields, and otherwise named with what is wrong and how to fix it', () => {
    expect(savedReportProblem('{"command":"x","sizes":[]}', 'r.json', FIELDS, 'npm run bench')).toBeUndefined();
    expect(savedReportProblem('{"not":"a report"}', 'r.json', FIELDS, 'npm run bench')).toBe(
      '--from: r.json is not a report of npm run bench (no "command", "sizes"): give a report saved by `npm run bench -- --json <file>`',
    );
    expect(savedReportProblem('[1, 2', 'r.json', FIELDS, 'npm run bench')).toMatch(
      /^--from: r\.json is not JSON \(.+\): give a report saved by `npm run bench -- --json <file>`$/,
    );
    expect(savedReportProblem('null', 'r.json', FIELDS, 'npm run bench')).toMatch(/^--from: r\.json is not a report of npm run bench/);
  });
});
