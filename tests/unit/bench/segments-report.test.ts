import { describe, expect, it } from 'vitest';
import { segmentsMarkdown } from '../../../bench/lib/segments-report.ts';

describe('segmentsMarkdown', () => {
  it('names the slowest segment, the largest peak, the assemble and each segment, a row per report', () => {
    const report = {
      command: 'npm run bench:segments -- --articles 100 --segments 2',
      date: '2026-11-29',
      machine: { cores: 2, memoryBytes: 2 ** 34, cpu: 'Xeon' },
      articles: 100,
      segments: [
        { ms: 12_340, peakRss: 1.5e9 },
        { ms: 15_000, peakRss: 1.2e9 },
      ],
      assemble: { ms: 8_000, peakRss: 2 ** 29 },
    };
    const lines = segmentsMarkdown([report, { ...report, articles: 200, command: 'npm run bench:segments -- --articles 200' }]).split('\n');
    expect(lines.filter((line) => line.startsWith('Measured 2026-11-29 with `npm run bench:segments -- --articles '))).toHaveLength(2);
    // GB are 2^30 bytes, as in every other report.
    expect(lines.slice(-2)).toEqual([
      '| 100 | 2 | 15.0 s | 1.40 GB | 8.0 s | 0.50 GB | 1/2: 12.3 s, 1.40 GB; 2/2: 15.0 s, 1.12 GB |',
      '| 200 | 2 | 15.0 s | 1.40 GB | 8.0 s | 0.50 GB | 1/2: 12.3 s, 1.40 GB; 2/2: 15.0 s, 1.12 GB |',
    ]);
  });
});
