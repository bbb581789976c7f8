/** The scale chart in BENCHMARKS.md: an SVG with a point per size and build, its axes and legend named. */
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, SizeSummary } from '../../../bench/lib/report.ts';
import { chartPoints, OURS, PEER, scaleChartSvg } from '../../../bench/lib/scale-chart.ts';

const GB = 2 ** 30;
const size = (articles: number, seconds: number, gb: number, peer?: [number, number]): SizeSummary => {
  const sample = { ms: seconds * 1000, peakRss: gb * GB };
  const phases = { loading: 0, conversion: 0, rendering: 0, search: 0, writing: 0, startup: 0 };
  return {
    articles,
    pages: articles * 2,
    cold: { ...sample, phases, searchIndexMs: 0 },
    edit: { ms: 1000, peakRss: GB },
    add: { ms: 1000, peakRss: GB },
    peer: peer && { ms: peer[0] * 1000, peakRss: peer[1] * GB, hugoMs: 0, pagefindMs: 0 },
    peerFailure: peer ? undefined : 'out of memory',
    outputBytes: 0,
    outputFiles: 0,
    ratios: { editToCold: 0, addToCold: 0 },
  };
};
// Sizes out of order, the largest without a peer figure.
const report: BenchReport = {
  command: 'npm run bench',
  date: '2026-11-22',
  machine: { cores: 2, memoryBytes: 8 * GB, cpu: 'test' },
  runs: 1,
  sizes: [size(10_000, 152.3, 5.22, [255.5, 20.75]), size(1000, 33.8, 2.68, [20.4, 2.33]), size(20_000, 333.8, 4.98)],
  scaling: [],
};

/** The SVG's elements: each one's attributes, and the text of each text element. */
function parseSvg(svg: string) {
  const elements: Record<string, string>[] = [];
  const texts: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let inText = false;
  parser.on('opentag', (tag) => {
    elements.push(Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])));
    inText = tag.local === 'text';
  });
  parser.on('text', (text) => {
    if (inText) texts.push(text);
  });
  parser.on('closetag', () => (inText = false));
  parser.write(svg).close();
  return { elements, texts };
}

let svg: string;
beforeAll(async () => {
  svg = await scaleChartSvg(report);
});

describe('the scale chart', () => {
  it('has our figure at every size, and the peer where it finished, from small to large', () => {
    expect(chartPoints(report)).toEqual([
      { articles: 1000, build: OURS, seconds: 33.8, gigabytes: 2.68 },
      { articles: 1000, build: PEER, seconds: 20.4, gigabytes: 2.33 },
      { articles: 10_000, build: OURS, seconds: 152.3, gigabytes: 5.22 },
      { articles: 10_000, build: PEER, seconds: 255.5, gigabytes: 20.75 },
      { articles: 20_000, build: OURS, seconds: 333.8, gigabytes: 4.98 },
    ]);
  });

  it('is well-formed SVG with a point per size and build in each panel, time and memory', () => {
    const { elements } = parseSvg(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const points = elements.filter((e) => e['aria-roledescription'] === 'point').map((e) => e['aria-label']);
    expect(points).toEqual([
      `articles: 1000; cold build (s): 33.8; build: ${OURS}`,
      `articles: 1000; cold build (s): 20.4; build: ${PEER}`,
      `articles: 10000; cold build (s): 152.3; build: ${OURS}`,
      `articles: 10000; cold build (s): 255.5; build: ${PEER}`,
      `articles: 20000; cold build (s): 333.8; build: ${OURS}`,
      `articles: 1000; peak memory (GB): 2.68; build: ${OURS}`,
      `articles: 1000; peak memory (GB): 2.33; build: ${PEER}`,
      `articles: 10000; peak memory (GB): 5.22; build: ${OURS}`,
      `articles: 10000; peak memory (GB): 20.75; build: ${PEER}`,
      `articles: 20000; peak memory (GB): 4.98; build: ${OURS}`,
    ]);
  });

  it('names its axes, its two builds, and the sizes without a peer figure', () => {
    const { texts } = parseSvg(svg);
    for (const label of ['Build cost against archive size', 'articles', 'cold build (s)', 'peak memory (GB)', OURS, PEER]) {
      expect(texts).toContain(label);
    }
    expect(texts).toContain('No peer figure at 20,000 articles (see the tables)');
  });
});
