/**
 * The phone search figures as a chart for BENCHMARKS.md: for each site measured (a design of ours,
 * an archive size, the peer), the median time to the first results and the median bytes of a first
 * query on the emulated link, as an SVG file (Vega-Lite, as ./scale-chart.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartSvg } from './scale-chart.ts';
import type { PhoneReport } from './search-phone-report.ts';

export const SEARCH_PHONE_CHART = 'docs/bench/search-phone.svg';
export const SEARCH_PHONE_CHART_REFERENCE = `![First search on a phone: median time to results and bytes, per site measured](${SEARCH_PHONE_CHART})`;

export function searchPhoneChartSpec(report: PhoneReport): TopLevelSpec {
  const values = report.sites.map(({ summary }) => ({
    site: summary.site,
    seconds: summary.firstResultMs === null ? null : Number((summary.firstResultMs / 1000).toFixed(2)),
    kilobytes: Math.round(summary.bytes / 1024),
  }));
  const panel = (field: 'seconds' | 'kilobytes', title: string) => ({
    width: 300,
    height: 20 * values.length,
    mark: { type: 'bar' as const },
    encoding: {
      y: { field: 'site', type: 'nominal' as const, title: null, sort: null },
      x: { field, type: 'quantitative' as const, title },
      color: { field: 'site', type: 'nominal' as const, legend: null },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'First search on a phone (Fast 3G), medians over the queries', subtitle: report.date },
    data: { values },
    hconcat: [panel('seconds', 'time to first results (s)'), panel('kilobytes', 'bytes of the first query (KB)')],
    config: { axis: { labelLimit: 0 } },
  };
}

export const searchPhoneChartSvg = (report: PhoneReport): Promise<string> => chartSvg(searchPhoneChartSpec(report));
