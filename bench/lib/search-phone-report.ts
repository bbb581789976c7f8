/** The phone search bench's figures: per-query runs, medians per site, and the Markdown for BENCHMARKS.md. */
import { median, type Machine } from './report.ts';
import type { Traffic } from './cdn-server.ts';

export interface QueryRun extends Traffic {
  query: string;
  /** The search page it was typed into: `/search/` or `/zh-hant/search/`. */
  page: string;
  /** From navigation start to the first result in the list; null when none came before the timeout. */
  firstResultMs: number | null;
  /** Results in the list once the page settled. */
  shown: number;
  /** Another query typed into the same page: from the input to its first result. */
  second?: Traffic & { query: string; ms: number | null };
}

export interface SiteRuns {
  /** `ours` or `peer`, with the archive size when the bench built the site. */
  site: string;
  articles?: number;
  /** `/search/` without a query: until its load event, and everything it fetched. */
  emptyPage: Traffic & { loadMs: number };
  queries: QueryRun[];
}

export interface SiteSummary {
  site: string;
  articles?: number;
  /** Medians over the queries that showed results. */
  firstResultMs: number | null;
  bytes: number;
  requests: number;
  secondQueryMs: number | null;
  emptyPage: SiteRuns['emptyPage'];
  /** Queries that showed no result. */
  unanswered: string[];
}

export interface PhoneReport {
  command: string;
  date: string;
  machine: Machine;
  link: string;
  sites: (SiteRuns & { summary: SiteSummary })[];
}

const medianOrNull = (values: (number | null | undefined)[]) => {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length ? median(known) : null;
};

export function summarizeSite(runs: SiteRuns): SiteSummary {
  const answered = runs.queries.filter((q) => q.firstResultMs !== null);
  return {
    site: runs.site,
    articles: runs.articles,
    firstResultMs: medianOrNull(answered.map((q) => q.firstResultMs)),
    bytes: medianOrNull(runs.queries.map((q) => q.bytes)) ?? 0,
    requests: medianOrNull(runs.queries.map((q) => q.requests)) ?? 0,
    secondQueryMs: medianOrNull(runs.queries.map((q) => q.second?.ms)),
    emptyPage: runs.emptyPage,
    unanswered: runs.queries.filter((q) => q.firstResultMs === null).map((q) => q.query),
  };
}

const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const cell = (run: QueryRun | undefined) =>
  run ? `${seconds(run.firstResultMs)}, ${run.requests} req., ${kb(run.bytes)}${run.firstResultMs === null ? ' (no result)' : ''}` : '–';

/** The generated part of BENCHMARKS.md's "Search on a phone" section. */
export function phoneMarkdown(report: PhoneReport): string {
  const sites = report.sites;
  const queries = [...new Set(sites.flatMap((s) => s.queries.map((q) => q.query)))];
  return [
    `Measured ${report.date} with \`${report.command}\` on ${report.machine.cores} cores (${report.machine.cpu}); ${report.link}.`,
    '',
    '| site | first results (median) | first query: bytes (median) | requests (median) | `/search/` without a query | second query on the page (median) | queries without results |',
    '|---|---|---|---|---|---|---|',
    ...sites.map(({ summary: s }) => {
      const empty = `${seconds(s.emptyPage.loadMs)} to load, ${s.emptyPage.requests} req., ${kb(s.emptyPage.bytes)}`;
      return `| ${s.site} | ${seconds(s.firstResultMs)} | ${kb(s.bytes)} | ${s.requests} | ${empty} | ${seconds(s.secondQueryMs)} | ${s.unanswered.join(', ') || 'none'} |`;
    }),
    '',
    `| query | ${sites.map((s) => s.site).join(' | ')} |`,
    `|---|${sites.map(() => '---|').join('')}`,
    ...queries.map((query) => `| ${query} | ${sites.map((s) => cell(s.queries.find((q) => q.query === query))).join(' | ')} |`),
  ].join('\n');
}
