/**
 * `npm run bench:search-phone -- --sites ours=<dist>,peer=<dist>` or `-- --articles 1000 --work <dir>`:
 * the reader's side of search on a phone. Each query opens the built site's own search page,
 * `/search/?q=…`, in a fresh browser context (empty cache) at phone size on an emulated Fast-3G
 * link, and takes the time from navigation start to the first result in the list, with every
 * request and byte the page and its web worker fetched. Also `/search/` without a query, and a
 * second query typed into the same page. Sites are measured as built, never through their code,
 * so the figures follow whatever the build produces. The peer is Hugo + Pagefind
 * (bench/hugo/layouts/_default/search.html, Pagefind's JS API).
 *
 * The link: Chromium's network emulation (lib/phone-link.ts), not a throttling server: on
 * Chromium 156 it covers the dedicated worker's requests too. Bytes and requests are counted by
 * the server (lib/cdn-server.ts: HTTP/2, gzip, as a CDN serves), which sees the worker's requests
 * as surely as the page's.
 * `--json <file>` writes every run; `--write` puts the tables in BENCHMARKS.md ("Search on a phone").
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cliArgs } from '../scripts/lib/cli.ts';
import { createCorpus } from '../scripts/lib/corpus/index.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { BENCHMARKS_FILE, SEARCH_PHONE_BLOCK, writeBlock } from './lib/benchmarks-file.ts';
import { serveLikeCdn, type CdnServer, type Traffic } from './lib/cdn-server.ts';
import { buildOurs } from './lib/ours.ts';
import { buildPeer, preparePeerSite } from './lib/peer.ts';
import { emulateFast3g, FAST_3G, PHONE } from './lib/phone-link.ts';
import { readSavedReport, saveJson, thisMachine } from './lib/record.ts';
import { phoneMarkdown, summarizeSite, type PhoneReport, type QueryRun, type SiteRuns } from './lib/search-phone-report.ts';
import { SEARCH_PHONE_CHART, SEARCH_PHONE_CHART_REFERENCE, searchPhoneChartSvg } from './lib/search-phone-chart.ts';

const HANS = '/search/';
const HANT = '/zh-hant/search/';
interface Query {
  query: string;
  /** The search page it is typed into. */
  page: string;
}
/**
 * One to six characters, both scripts, a Latin word and a number; each occurs in the generated
 * corpus (its text is the real archive's). A traditional-script query is typed where a reader of
 * that script searches, the zh-Hant variant's page: the peer's pages carry one script each.
 */
const DEFAULT_QUERIES: Query[] = [
  ...['店', '发货', '物流', '直通车', '淘宝店铺', '社区团购', '小程序商城', '社区团购平台', 'SaaS', '2019'].map((query) => ({
    query,
    page: HANS,
  })),
  ...['電商', '淘寶直播', '供應鏈'].map((query) => ({ query, page: HANT })),
];
/** The project's root, where the chart is written. */
const ROOT = path.resolve(import.meta.dirname, '..');
/** Each site's search page: its query field (both pages list their results in `#search-results`). */
const PAGES = { ours: { input: '#search-page-q' }, peer: { input: '#search-q' } };
const RESULTS = '#search-results';
/** The network is taken as settled once no request has been open for this long. */
const QUIET_MS = 1000;

const usage =
  'npm run bench:search-phone -- (--sites ours=<dist>,peer=<dist> | --articles 1000[,2000] [--work <dir>] [--seed 1] | --from <report.json>) [--queries a,b] [--timeout 60] [--json <file>] [--write]';
const { values } = cliArgs(
  () =>
    parseArgs({
      options: {
        sites: { type: 'string' },
        // Print (and --write) a saved report again instead of measuring.
        from: { type: 'string' },
        articles: { type: 'string' },
        work: { type: 'string', default: path.join(os.tmpdir(), 'yiqihui-search-phone') },
        seed: { type: 'string', default: '1' },
        queries: { type: 'string' },
        timeout: { type: 'string', default: '60' },
        json: { type: 'string' },
        write: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }),
  usage,
);

interface Site {
  label: string;
  kind: keyof typeof PAGES;
  dist: string;
  articles?: number;
}

/** Every problem with the flags at once, so one run fixes them all. */
function parseFlags(): { given: Site[]; sizes: number[]; queries: Query[]; timeoutMs: number } {
  const problems: string[] = [];
  const given: Site[] = [];
  for (const entry of values.sites?.split(',').filter(Boolean) ?? []) {
    const [label = '', dist = ''] = entry.split('=');
    const kind = (['ours', 'peer'] as const).find((k) => label.startsWith(k));
    if (!kind || !dist) problems.push(`--sites: "${entry}" is not <name>=<dist folder> with a name starting "ours" or "peer"`);
    else if (!existsSync(path.join(dist, 'search/index.html')))
      problems.push(`--sites: ${label}: ${path.resolve(dist)} has no search/index.html; build that site first`);
    else if (given.some((s) => s.label === label)) problems.push(`--sites: ${label} is given twice; name each site once`);
    else given.push({ label, kind, dist: path.resolve(dist) });
  }
  const sizes = values.articles?.split(',').map(Number) ?? [];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    problems.push(`--articles: "${values.articles}" is not whole numbers >= 1 separated by commas`);
  // Queries of one's own are typed into the zh-Hans page, where ours finds both scripts.
  const queries =
    values.queries === undefined
      ? DEFAULT_QUERIES
      : values.queries
          .split(',')
          .filter(Boolean)
          .map((query) => ({ query, page: HANS }));
  if (!queries.length) problems.push('--queries: give at least one query, separated by commas');
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) problems.push(`--timeout: "${values.timeout}" is not a number of seconds above 0`);
  if (!given.length && !sizes.length && !values.from && !problems.length) problems.push('give --sites or --articles (or both), or --from');
  if (problems.length) {
    console.error(`${problems.join('\n')}\nusage: ${usage}`);
    process.exit(2);
  }
  return { given, sizes, queries, timeoutMs };
}

const { given, sizes, queries, timeoutMs } = parseFlags();
const log = (message: string) => console.log(`[search-phone ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Generates a corpus of `articles` and builds both sites from it. */
async function buildSites(articles: number): Promise<Site[]> {
  const dir = path.join(path.resolve(values.work), String(articles));
  await rm(dir, { recursive: true, force: true });
  log(`${articles} articles: generating the corpus`);
  const corpus = await createCorpus({ articles, seed: Number(values.seed), out: path.join(dir, 'content') });
  log(`${articles} articles: building ours`);
  const outDir = path.join(dir, 'dist');
  await buildOurs({ contentDir: corpus.dir, outDir, cacheDir: path.join(dir, 'cache'), timingsFile: path.join(dir, 'timings.jsonl') });
  log(`${articles} articles: building the peer`);
  await preparePeerSite(corpus.dir, path.join(dir, 'hugo'));
  await buildPeer(path.join(dir, 'hugo'));
  const label = (kind: string) => `${kind} (${articles.toLocaleString('en')} articles)`;
  return [
    { label: label('ours'), kind: 'ours', dist: outDir, articles },
    { label: label('peer'), kind: 'peer', dist: path.join(dir, 'hugo/public'), articles },
  ];
}

/** In the page's clock (ms from navigation start): the first item in the results list, the latest one, the last input. */
type Marks = { firstResult: number; result: number; input: number };

/** Runs in the page before its own scripts. */
function instrument(list: string) {
  const marks: Marks = { firstResult: 0, result: 0, input: 0 };
  Object.assign(window, { benchMarks: marks });
  document.addEventListener('input', () => (marks.input = performance.now()), true);
  new MutationObserver((records) => {
    const added = records.some(
      (r) => r.target instanceof Element && r.target.matches(list) && [...r.addedNodes].some((n) => n.nodeName === 'LI'),
    );
    if (!added) return;
    marks.result = performance.now();
    marks.firstResult ||= marks.result;
  }).observe(document, { childList: true, subtree: true });
}

const marks = (page: Page) => page.evaluate(() => (window as unknown as { benchMarks: Marks }).benchMarks);

/** Resolves once no request of the context (its workers' included) has been open for QUIET_MS, or at the timeout. */
function watchNetwork(context: BrowserContext) {
  let open = 0;
  let last = performance.now();
  context.on('request', () => ((open += 1), (last = performance.now())));
  const done = () => ((open -= 1), (last = performance.now()));
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        if ((open <= 0 && now - last >= QUIET_MS) || now - started > timeoutMs) resolve(void clearInterval(timer));
      }, 100);
    });
}

async function phonePage(browser: Browser) {
  const context = await browser.newContext({ ...PHONE, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await emulateFast3g(context, page);
  await page.addInitScript(instrument, RESULTS);
  return { context, page, settled: watchNetwork(context) };
}

/** Waits for a mark; false when it does not come within the timeout. */
async function waitForMark(page: Page, mark: keyof Marks): Promise<boolean> {
  return page
    .waitForFunction((m) => ((window as unknown as { benchMarks: Marks }).benchMarks[m] ?? 0) > 0, mark, { timeout: timeoutMs })
    .then(() => true)
    .catch(() => false);
}

async function emptyPage(browser: Browser, server: CdnServer): Promise<SiteRuns['emptyPage']> {
  const { context, page, settled } = await phonePage(browser);
  const traffic = server.count();
  await page.goto(`${server.url}${HANS}`, { timeout: timeoutMs });
  await settled();
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
  await context.close();
  return { loadMs, ...traffic };
}

async function queryRun(browser: Browser, server: CdnServer, site: Site, { query, page: at }: Query): Promise<QueryRun> {
  const { context, page, settled } = await phonePage(browser);
  const traffic: Traffic = server.count();
  await page.goto(`${server.url}${at}?q=${encodeURIComponent(query)}`, { waitUntil: 'commit', timeout: timeoutMs });
  const answered = await waitForMark(page, 'firstResult');
  await settled();
  const first = await marks(page);
  const shown = await page.locator(`${RESULTS} > li`).count();
  const run: QueryRun = { query, page: at, firstResultMs: answered ? first.firstResult : null, shown, ...traffic };
  if (answered) run.second = await secondQuery(page, server, site, nextQuery(query, at), settled);
  await context.close();
  return run;
}

/** The next query of the list typed on the same page, so each first query has its second. */
function nextQuery(query: string, at: string): string {
  const same = queries.filter((q) => q.page === at);
  return same[(same.findIndex((q) => q.query === query) + 1) % same.length]!.query;
}

async function secondQuery(page: Page, server: CdnServer, site: Site, query: string, settled: () => Promise<void>) {
  await page.evaluate(() => ((window as unknown as { benchMarks: Marks }).benchMarks.result = 0));
  const traffic = server.count();
  await page.fill(PAGES[site.kind].input, query);
  const answered = await waitForMark(page, 'result');
  await settled();
  const m = await marks(page);
  return { query, ms: answered ? m.result - m.input : null, ...traffic };
}

async function benchSites(sites: Site[]): Promise<{ chromium: string; sites: PhoneReport['sites'] }> {
  const browser = await launchBrowser();
  const servers = await Promise.all(sites.map((s) => serveLikeCdn(s.dist)));
  try {
    const runs: SiteRuns[] = [];
    for (const [i, site] of sites.entries()) {
      runs.push({ site: site.label, articles: site.articles, emptyPage: await emptyPage(browser, servers[i]!), queries: [] });
    }
    for (const [n, q] of queries.entries()) {
      // Alternating which site goes first, so neither always meets the other's leftovers.
      const order = [...sites.keys()];
      if (n % 2) order.reverse();
      for (const i of order) {
        const run = await queryRun(browser, servers[i]!, sites[i]!, q);
        runs[i]!.queries.push(run);
        const time = run.firstResultMs === null ? 'no result' : `${(run.firstResultMs / 1000).toFixed(2)} s`;
        log(`${sites[i]!.label} ${q.query}: ${time}, ${run.requests} requests, ${run.bytes} bytes, ${run.shown} shown`);
      }
    }
    return { chromium: browser.version(), sites: runs.map((r) => ({ ...r, summary: summarizeSite(r) })) };
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

async function measure(): Promise<PhoneReport> {
  const sites = [...given];
  for (const articles of sizes) sites.push(...(await buildSites(articles)));
  const measured = await benchSites(sites);
  return {
    command: `npm run bench:search-phone -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString().slice(0, 10),
    machine: thisMachine(),
    link:
      `Chromium ${measured.chromium} at ${PHONE.viewport!.width}×${PHONE.viewport!.height}, emulated Fast 3G ` +
      `(${FAST_3G.latencyMs} ms round trip, ${FAST_3G.downloadBytesPerSecond.toLocaleString('en')} B/s down), served over HTTP/2 with gzip`,
    sites: measured.sites,
  };
}

const report = values.from
  ? await readSavedReport<PhoneReport>(values.from, ['command', 'machine', 'link', 'sites'], 'npm run bench:search-phone')
  : await measure();
const markdown = phoneMarkdown(report);
console.log(`\n${markdown}`);
if (values.json) await saveJson(values.json, report);
if (values.write) {
  await writeBlock(SEARCH_PHONE_BLOCK, `${markdown}\n\n${SEARCH_PHONE_CHART_REFERENCE}`);
  await writeFile(path.join(ROOT, SEARCH_PHONE_CHART), await searchPhoneChartSvg(report));
  log(`results written to ${BENCHMARKS_FILE} and ${SEARCH_PHONE_CHART}`);
}
