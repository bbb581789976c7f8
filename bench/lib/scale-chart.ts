/**
 * The scale figures as a chart for BENCHMARKS.md: cold build time and peak memory against archive
 * size, ours beside the peer's, as an SVG file. Drawn with Vega-Lite (a declarative chart grammar,
 * rendered to SVG by Vega in Node without a browser or a canvas), so that this file says what is
 * drawn and not how to draw axes. A size where the peer failed has no peer point.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ourPeakRss, type BenchReport } from './report.ts';

/** Where the chart is written, and how BENCHMARKS.md (at the project's root) refers to it. */
export const SCALE_CHART = 'docs/bench/scale.svg';
export const SCALE_CHART_REFERENCE = `![Cold build time and peak memory against archive size, ours and the peer's](${SCALE_CHART})`;

export const OURS = 'ours';
export const PEER = 'peer: Hugo + Pagefind';

export interface ChartPoint {
  articles: number;
  /** OURS or PEER. */
  build: string;
  seconds: number;
  gigabytes: number;
}

/** One point per size for our build, and one for the peer where it finished. */
export function chartPoints(report: BenchReport): ChartPoint[] {
  const gigabytes = (bytes: number) => Number((bytes / 2 ** 30).toFixed(2));
  const seconds = (ms: number) => Number((ms / 1000).toFixed(1));
  return [...report.sizes]
    .sort((a, b) => a.articles - b.articles)
    .flatMap((size) => [
      { articles: size.articles, build: OURS, seconds: seconds(size.cold.ms), gigabytes: gigabytes(ourPeakRss(size)) },
      ...(size.peer
        ? [{ articles: size.articles, build: PEER, seconds: seconds(size.peer.ms), gigabytes: gigabytes(size.peer.peakRss) }]
        : []),
    ]);
}

function chartSpec(report: BenchReport): TopLevelSpec {
  const points = chartPoints(report);
  const panel = (field: keyof ChartPoint, title: string) => ({
    width: 320,
    height: 220,
    mark: { type: 'line' as const, point: true },
    encoding: {
      x: { field: 'articles', type: 'quantitative' as const, title: 'articles' },
      y: { field, type: 'quantitative' as const, title },
      color: { field: 'build', type: 'nominal' as const, title: null, scale: { domain: [OURS, PEER] } },
    },
  });
  const withoutPeer = points.filter((p) => p.build === OURS && !points.some((q) => q.build === PEER && q.articles === p.articles));
  const subtitle = withoutPeer.length
    ? `No peer figure at ${new Intl.ListFormat('en').format(withoutPeer.map((p) => p.articles.toLocaleString('en')))} articles (see the tables)`
    : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Build cost against archive size', subtitle },
    data: { values: points },
    hconcat: [panel('seconds', 'cold build (s)'), panel('gigabytes', 'peak memory (GB)')],
    // No label is cut short: Vega measures text by estimate here, without a canvas.
    config: { legend: { orient: 'bottom', labelLimit: 0 } },
  };
}

/** A Vega-Lite chart as an SVG document. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return `${await view.toSVG()}\n`;
  } finally {
    view.finalize();
  }
}

export const scaleChartSvg = (report: BenchReport): Promise<string> => chartSvg(chartSpec(report));
