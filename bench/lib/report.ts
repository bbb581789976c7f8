/** The benchmark's figures: medians over runs, our/peer ratios, and the Markdown for BENCHMARKS.md. */
import type { Phases } from './ours.ts';

export interface Sample {
  ms: number;
  peakRss: number;
}

export interface SizeRuns {
  articles: number;
  pages: number;
  cold: (Sample & { phases: Phases; searchIndexMs: number })[];
  edit: Sample[];
  add: Sample[];
  peer: (Sample & { hugoMs: number; pagefindMs: number })[];
  outputBytes: number;
  outputFiles: number;
  peerOutputBytes?: number;
  /** Why the peer did not finish (it ran out of memory at 20,000 articles here). */
  peerFailure?: string;
}

export interface SizeSummary {
  articles: number;
  pages: number;
  /** Runs the medians are of (absent in reports written before 2026-11-29: then the report's `runs`). */
  runs?: number;
  cold: Sample & { phases: Phases; searchIndexMs: number };
  edit: Sample;
  add: Sample;
  peer?: Sample & { hugoMs: number; pagefindMs: number };
  outputBytes: number;
  outputFiles: number;
  peerOutputBytes?: number;
  peerFailure?: string;
  /** Ours / peer for the cold build; edit / our cold build. */
  ratios: { coldToPeer?: number; editToCold: number; addToCold: number };
}

export interface Machine {
  cores: number;
  memoryBytes: number;
  cpu: string;
}

export interface BenchReport {
  command: string;
  date: string;
  machine: Machine;
  runs: number;
  sizes: SizeSummary[];
  /** Time of each size over the previous one's, per article (1 = linear). */
  scaling: { from: number; to: number; timeRatio: number; articleRatio: number }[];
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of every numeric field (nested objects field by field). */
export function medianOf<T extends object>(samples: T[]): T {
  const first = samples[0];
  if (first === undefined) throw new Error('median of no samples');
  return Object.fromEntries(
    Object.entries(first).map(([key, value]) => [
      key,
      typeof value === 'number'
        ? median(samples.map((s) => (s as Record<string, number>)[key]!))
        : typeof value === 'object' && value !== null
          ? medianOf(samples.map((s) => (s as Record<string, object>)[key]!))
          : value,
    ]),
  ) as T;
}

const pick = ({ ms, peakRss }: Sample): Sample => ({ ms, peakRss });

export function summarizeSize(runs: SizeRuns): SizeSummary {
  const cold = medianOf(runs.cold.map((r) => ({ ...pick(r), phases: r.phases, searchIndexMs: r.searchIndexMs })));
  const peer = runs.peer.length ? medianOf(runs.peer.map((r) => ({ ...pick(r), hugoMs: r.hugoMs, pagefindMs: r.pagefindMs }))) : undefined;
  const edit = medianOf(runs.edit.map(pick));
  const add = medianOf(runs.add.map(pick));
  return {
    articles: runs.articles,
    pages: runs.pages,
    runs: runs.cold.length,
    cold,
    edit,
    add,
    peer,
    outputBytes: runs.outputBytes,
    outputFiles: runs.outputFiles,
    peerOutputBytes: runs.peerOutputBytes,
    peerFailure: runs.peerFailure,
    ratios: { coldToPeer: peer ? cold.ms / peer.ms : undefined, editToCold: edit.ms / cold.ms, addToCold: add.ms / cold.ms },
  };
}

export function scaling(sizes: SizeSummary[]): BenchReport['scaling'] {
  const sorted = [...sizes].sort((a, b) => a.articles - b.articles);
  return sorted.slice(1).map((size, i) => ({
    from: sorted[i]!.articles,
    to: size.articles,
    timeRatio: size.cold.ms / sorted[i]!.cold.ms,
    articleRatio: size.articles / sorted[i]!.articles,
  }));
}

/** Our peak memory at a size: the largest of its cold build and rebuilds. */
export const ourPeakRss = (s: SizeSummary) => Math.max(s.cold.peakRss, s.edit.peakRss, s.add.peakRss);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Every report's GB: 2^30 bytes. */
export const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ratio = (r: number | undefined) => (r === undefined ? '–' : `${r.toFixed(2)}x`);

/** How many runs the medians are of, per size where reports of different runs were joined. */
export function runsText(report: BenchReport): string {
  const counts = report.sizes.map((s) => s.runs ?? report.runs);
  if (counts.every((count) => count === counts[0])) return `medians of ${counts[0] ?? report.runs} run(s)`;
  return `medians of ${report.sizes.map((s, i) => `${counts[i]} run(s) at ${s.articles} articles`).join(', ')}`;
}

/** The generated part of BENCHMARKS.md's "Scale" section. */
export function reportMarkdown(report: BenchReport): string {
  const lines = [
    `Measured ${report.date} with \`${report.command}\` on ${report.machine.cores} cores (${report.machine.cpu}), ${gb(report.machine.memoryBytes)} memory; ${runsText(report)}, ours and the peer alternating.`,
    '',
    '| articles (pages) | our cold build | peer: Hugo + Pagefind | ours / peer | rebuild, 1 edited | edit / cold | rebuild, 1 added | our peak RSS | peer peak RSS | output (files) | peer output |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.sizes.map(
      (s) =>
        `| ${s.articles} (${s.pages}) | ${seconds(s.cold.ms)} | ${s.peer ? `${seconds(s.peer.ms)} (${seconds(s.peer.hugoMs)} + ${seconds(s.peer.pagefindMs)})` : s.peerFailure ? `failed: ${s.peerFailure}` : '–'} | ${ratio(s.ratios.coldToPeer)} | ${seconds(s.edit.ms)} | ${ratio(s.ratios.editToCold)} | ${seconds(s.add.ms)} | ${gb(ourPeakRss(s))} | ${s.peer ? gb(s.peer.peakRss) : '–'} | ${mb(s.outputBytes)} (${s.outputFiles}) | ${s.peerOutputBytes === undefined ? '–' : mb(s.peerOutputBytes)} |`,
    ),
    '',
    "Our cold build by phase (median): loading = validation + reading the content; rendering = Markdown + Astro pages, each page written as it renders; search = waiting for the index after the pages + writing both variants' bundles; writing = sitemap + swapping the output in; startup = Astro and Vite. The search index (records, shards written on threads, the merge into the reader's volumes) is made alongside the other phases from when the site data is ready: its own time is the last column.",
    '',
    '| articles | loading | conversion | rendering | search | writing | startup | search index (alongside) |',
    '|---|---|---|---|---|---|---|---|',
    ...report.sizes.map((s) => {
      const p = s.cold.phases;
      return `| ${s.articles} | ${seconds(p.loading)} | ${seconds(p.conversion)} | ${seconds(p.rendering)} | ${seconds(p.search)} | ${seconds(p.writing)} | ${seconds(p.startup)} | ${seconds(s.cold.searchIndexMs)} |`;
    }),
  ];
  if (report.scaling.length) {
    lines.push(
      '',
      ...report.scaling.map(
        (s) => `${s.to} articles took ${s.timeRatio.toFixed(2)}x the time of ${s.from} (${s.articleRatio}x the articles).`,
      ),
    );
  }
  return lines.join('\n');
}
