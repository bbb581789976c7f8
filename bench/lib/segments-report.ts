/** The segments bench's figures: each segment's build, the assemble, and the Markdown for BENCHMARKS.md. */
import { gb, seconds, type Machine } from './report.ts';
import type { Measured } from './process-tree.ts';

export interface SegmentsReport {
  command: string;
  date: string;
  machine: Machine;
  articles: number;
  /** Each segment's cold build, in order (segment 1 first). */
  segments: Pick<Measured, 'ms' | 'peakRss'>[];
  assemble: Pick<Measured, 'ms' | 'peakRss'>;
}

/** One row per report, each size's measuring command above the table (reports of several sizes are run apart). */
export function segmentsMarkdown(reports: readonly SegmentsReport[]): string {
  const measured = reports.map(
    (r) =>
      `Measured ${r.date} with \`${r.command}\` on ${r.machine.cores} cores (${r.machine.cpu}), one after another on this machine (in CI each segment has a machine of its own); cold caches.`,
  );
  return [
    ...measured.flatMap((line) => [line, '']),
    '| articles | segments | slowest segment | largest peak RSS of a segment | assemble (with the site checks) | assemble peak RSS | each segment |',
    '|---|---|---|---|---|---|---|',
    ...reports.map((r) => {
      const slowest = Math.max(...r.segments.map((s) => s.ms));
      const largest = Math.max(...r.segments.map((s) => s.peakRss));
      const n = r.segments.length;
      const each = r.segments.map((s, i) => `${i + 1}/${n}: ${seconds(s.ms)}, ${gb(s.peakRss)}`).join('; ');
      return `| ${r.articles} | ${n} | ${seconds(slowest)} | ${gb(largest)} | ${seconds(r.assemble.ms)} | ${gb(r.assemble.peakRss)} | ${each} |`;
    }),
  ].join('\n');
}
