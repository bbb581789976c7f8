/** The segments bench's figures: each segment's build, the assemble, and the Markdown for BENCHMARKS.md. */
import type { Machine } from './report.ts';
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

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

export function segmentsMarkdown(report: SegmentsReport): string {
  const slowest = Math.max(...report.segments.map((s) => s.ms));
  const largest = Math.max(...report.segments.map((s) => s.peakRss));
  const n = report.segments.length;
  return [
    `Measured ${report.date} with \`${report.command}\` on ${report.machine.cores} cores (${report.machine.cpu}), one after another on this machine (in CI each segment has a machine of its own); cold caches.`,
    '',
    '| articles | segments | slowest segment | largest peak RSS of a segment | assemble (with the site checks) | assemble peak RSS | each segment |',
    '|---|---|---|---|---|---|---|',
    `| ${report.articles} | ${n} | ${seconds(slowest)} | ${gigabytes(largest)} | ${seconds(report.assemble.ms)} | ${gigabytes(report.assemble.peakRss)} | ${report.segments.map((s, i) => `${i + 1}/${n}: ${seconds(s.ms)}, ${gigabytes(s.peakRss)}`).join('; ')} |`,
  ].join('\n');
}
