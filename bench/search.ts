/**
 * Search benchmark: `npx tsx bench/search.ts [--sizes 1000,10000]`. Writes
 * test-results/search-bench.json; the figures go into BENCHMARKS.md ("Search").
 *
 * 1. Index build per corpus size and segmentation (ours: bigram; Pagefind's own: pagefind): time
 *    per variant, peak memory of the Pagefind process, bundle size. Each run is a child process
 *    (the site data is prepared once per process), the site data itself is not timed.
 * 2. Quality: precision and recall of both segmentations over the relevance test's archive.
 * 3. Chromium: bytes the search page and a first query download, and keystroke-to-results time,
 *    on the relevance site carrying the 10,000-article bundles.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { Segmentation } from '../src/lib/search/query.ts';
import { openEngine } from '../src/browser/search/engine.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { writeContent } from '../tests/helpers/content-fixture.ts';
import { serveDist } from '../tests/helpers/static-server.ts';
import { generateArticles, sentencesOf } from '../tests/unit/search/corpus.ts';
import { articleTexts, articleUrls, buildRelevanceSite, importFrom, measure, QUERIES } from '../tests/helpers/relevance-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = '/tmp/search-bench';
const MODES: Segmentation[] = ['bigram', 'pagefind'];
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    index: { type: 'string' },
    segmentation: { type: 'string' },
    // Re-measure in Chromium only, on the sites the last full run left in /tmp/search-bench.
    'browser-only': { type: 'boolean', default: false },
  },
});

/** Bytes of every file under a folder. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(path.join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

/** The Pagefind processes started by this one: pid → [name, ppid, cpu seconds]. */
function pagefindChildren(): Array<{ pid: string; cpuSeconds: number }> {
  const stats = new Map<string, { name: string; ppid: string; cpu: number }>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(pid, { name, ppid: fields[1]!, cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // The process ended between listing and reading.
    }
  }
  const mine = (pid: string): boolean => {
    for (let p = stats.get(pid)?.ppid; p && p !== '0'; p = stats.get(p)?.ppid) if (p === String(process.pid)) return true;
    return false;
  };
  return [...stats].filter(([pid, s]) => s.name.startsWith('pagefind') && mine(pid)).map(([pid, s]) => ({ pid, cpuSeconds: s.cpu }));
}

/** Peak resident memory (VmHWM) and CPU time of this process's Pagefind service, polled. */
function watchPagefind() {
  let peak = 0;
  let cpu = 0;
  const poll = () => {
    for (const { pid, cpuSeconds } of pagefindChildren()) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
        cpu = Math.max(cpu, cpuSeconds);
      } catch {
        // Ended meanwhile.
      }
    }
  };
  const timer = setInterval(poll, 100);
  return { stop: () => (clearInterval(timer), poll(), { peak, cpu }) };
}

/** Child: index one generated corpus with one segmentation. */
async function indexOnce(size: number, segmentation: Segmentation) {
  const { configureSite, getSite } = await import('../src/integrations/site-data/site.ts');
  const { writeSearchIndexes } = await import('../src/integrations/search/write-indexes.ts');
  const { settings } = await import('../src/config.ts');
  configureSite({ contentDir: settings.contentDir, drafts: false, keepPageKeys: false });
  const site = await getSite();
  const out = path.join(WORK, String(size), segmentation);
  await rm(out, { recursive: true, force: true });
  const watch = watchPagefind();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const stats = await writeSearchIndexes(site, out, segmentation);
  const totalMs = performance.now() - started;
  const nodeCpu = process.cpuUsage(cpuBefore);
  const { peak: peakBytes, cpu: pagefindCpuSeconds } = watch.stop();
  console.log(
    JSON.stringify({
      size,
      segmentation,
      totalMs,
      peakBytes,
      pagefindCpuSeconds,
      nodeCpuSeconds: (nodeCpu.user + nodeCpu.system) / 1e6,
      variants: stats.map((s) => ({ ...s, bundleBytes: folderBytes(path.join(out, s.lang === 'zh-Hans' ? '' : 'zh-hant', 'pagefind')) })),
    }),
  );
}

async function corpus(size: number): Promise<string> {
  const dir = path.join(WORK, String(size), 'content');
  if (existsSync(path.join(dir, 'channels.yaml'))) return dir;
  const channels = parse(readFileSync(path.join(ROOT, 'content/channels.yaml'), 'utf8')) as { slug: string; name: string }[];
  const articles = path.join(ROOT, 'content/articles');
  const sentences = readdirSync(articles, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => sentencesOf(readFileSync(path.join(articles, f), 'utf8')));
  return writeContent(dir, {
    channels,
    articles: generateArticles(
      size,
      channels.map((c) => c.slug),
      { length: 1000, seed: size, sentences, topics: 60, noise: 0.3 },
    ),
  });
}

function indexRun(size: number, segmentation: Segmentation) {
  const child = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [import.meta.filename, '--index', String(size), '--segmentation', segmentation],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        CONTENT_DIR: path.join(WORK, String(size), 'content'),
        BUILD_CACHE_DIR: path.join(WORK, String(size), 'cache'),
      },
    },
  );
  if (child.status !== 0) throw new Error(`index run ${size} ${segmentation} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

async function quality(segmentation: Segmentation) {
  const dist = await buildRelevanceSite(300, { SEARCH_SEGMENTATION: segmentation });
  const server = await serveDist(dist);
  const results = [];
  for (const folder of ['', 'zh-hant']) {
    const urls = await articleUrls(dist, folder);
    const engine = await openEngine(`${server.url}/${folder ? `${folder}/` : ''}pagefind/`, importFrom(dist));
    const r = await measure(engine, await articleTexts(dist, urls), QUERIES);
    results.push({ variant: folder || 'zh-hans', articles: urls.length, ...r });
  }
  await server.close();
  return { segmentation, dist, results };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Bytes and keystroke-to-results in Chromium on `dist`, for the search page of one variant. */
async function browserRun(dist: string, prefix: string) {
  const server = await serveDist(dist);
  const browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  // Bytes are the served files' sizes (the test server sends them uncompressed): reading response
  // bodies misses the requests of Pagefind's web worker.
  const bytes = { page: 0, query: 0, later: 0 };
  let phase: keyof typeof bytes = 'page';
  page.on('requestfinished', (request) => {
    const file = path.join(dist, decodeURIComponent(new URL(request.url()).pathname));
    const served = existsSync(file) && statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
    if (existsSync(served)) bytes[phase] += statSync(served).size;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { lastKey: number; doneAt: number };
    // The keystroke is the last `input` event: Chinese arrives as committed text (an IME's, or
    // Playwright's insertText), without keydown events.
    document.addEventListener('input', () => (w.lastKey = performance.now()), true);
    new MutationObserver(() => {
      if (document.getElementById('search-app')?.dataset.state === 'done') w.doneAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(`${server.url}${prefix}/search/`);
  await page.waitForLoadState('networkidle');
  const settle = async (query: string) => {
    await page.fill('#search-page-q', '');
    await page.waitForFunction(
      () =>
        document.getElementById('search-app')?.dataset.state === 'done' &&
        !/\d/.test(document.getElementById('search-status')!.textContent!),
    );
    await page.evaluate(() => ((window as unknown as { doneAt: number }).doneAt = 0));
    await page.locator('#search-page-q').pressSequentially(query);
    await page.waitForFunction(
      () =>
        (window as unknown as { doneAt: number }).doneAt > 0 &&
        document.getElementById('search-app')?.dataset.state === 'done' &&
        /\d/.test(document.getElementById('search-status')!.textContent!),
    );
    return page.evaluate(
      () => (window as unknown as { doneAt: number; lastKey: number }).doneAt - (window as unknown as { lastKey: number }).lastKey,
    );
  };
  phase = 'query';
  const first = await settle('发货');
  await page.waitForLoadState('networkidle');
  phase = 'later';
  const warm = [];
  for (const q of ['淘宝', '社交电商', '微信支付', 'SKU', '618大促', '供應鏈', '直播', '会员']) warm.push(await settle(q));
  await browser.close();
  await server.close();
  return {
    prefix: prefix || '/',
    pageBytes: bytes.page,
    firstQueryBytes: bytes.query,
    firstQueryMs: first,
    warmMedianMs: median(warm),
    warmMaxMs: Math.max(...warm),
  };
}

if (values.index) {
  await indexOnce(Number(values.index), values.segmentation as Segmentation);
} else if (values['browser-only']) {
  const file = path.join(ROOT, 'test-results/search-bench.json');
  const previous = JSON.parse(readFileSync(file, 'utf8'));
  previous.browser = await measureInBrowser(values.sizes.split(',').map(Number), undefined);
  await writeFile(file, JSON.stringify(previous, null, 2));
} else {
  const sizes = values.sizes.split(',').map(Number);
  const indexing = [];
  for (const size of sizes) {
    await corpus(size);
    for (const mode of MODES) {
      const run = indexRun(size, mode);
      console.log(
        `${size} ${mode}: ${(run.totalMs / 1000).toFixed(1)} s, Pagefind CPU ${run.pagefindCpuSeconds.toFixed(1)} s, peak ${(run.peakBytes / 2 ** 30).toFixed(2)} GiB`,
        run.variants,
      );
      indexing.push(run);
    }
  }
  const qualities = [];
  for (const mode of MODES) {
    const q = await quality(mode);
    console.log(mode, q.results.map((r) => `${r.variant}: P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)}`).join('; '));
    qualities.push(q);
  }
  const browserRuns = await measureInBrowser(sizes, qualities);
  await mkdir(path.join(ROOT, 'test-results'), { recursive: true });
  const strip = qualities.map(({ dist: _, ...q }) => q);
  await writeFile(
    path.join(ROOT, 'test-results/search-bench.json'),
    JSON.stringify({ indexing, quality: strip, browser: browserRuns }, null, 2),
  );
}

/** The relevance site of each segmentation, carrying the largest corpus's bundles, in Chromium. */
async function measureInBrowser(sizes: number[], qualities: Array<{ segmentation: Segmentation; dist: string }> | undefined) {
  const browserRuns = [];
  const largest = Math.max(...sizes);
  for (const mode of MODES) {
    const site = path.join(WORK, `browser-${mode}`);
    if (qualities) await prepareBrowserSite(site, qualities.find((q) => q.segmentation === mode)!.dist, largest, mode);
    for (const prefix of ['', '/zh-hant']) {
      const run = await browserRun(site, prefix);
      console.log(mode, largest, run);
      browserRuns.push({ segmentation: mode, size: largest, ...run });
    }
  }
  return browserRuns;
}

async function prepareBrowserSite(site: string, relevanceDist: string, largest: number, mode: Segmentation) {
  await rm(site, { recursive: true, force: true });
  await cp(relevanceDist, site, { recursive: true });
  for (const folder of ['', 'zh-hant']) {
    await rm(path.join(site, folder, 'pagefind'), { recursive: true, force: true });
    await cp(path.join(WORK, String(largest), mode, folder, 'pagefind'), path.join(site, folder, 'pagefind'), { recursive: true });
  }
}
