/**
 * `npm run bench [-- --articles 1000,10000 --runs 3 --write]`: builds generated corpora with our
 * build (cold, after one article is edited, after one is added) and with the peer (Hugo +
 * Pagefind), alternating, and prints medians and ratios. `--write` puts them in BENCHMARKS.md, with
 * a chart of them (docs/bench/scale.svg);
 * `--json <file>` writes the whole report; `--from <file>` prints (and writes) a saved report again.
 */
import { readdirSync, statSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliArgs } from '../scripts/lib/cli.ts';
import { createCorpus, type Corpus } from '../scripts/lib/corpus/index.ts';
import { articlePath, writeArticle } from '../scripts/lib/corpus/write.ts';
import { BENCHMARKS_FILE, SCALE_BLOCK, writeBlock } from './lib/benchmarks-file.ts';
import { readSavedReport, saveJson, thisMachine } from './lib/record.ts';
import { SCALE_CHART, SCALE_CHART_REFERENCE, scaleChartSvg } from './lib/scale-chart.ts';
import { buildOurs, type OurBuild } from './lib/ours.ts';
import { buildPeer, preparePeerSite } from './lib/peer.ts';
import { setAside } from './lib/set-aside.ts';
import { reportMarkdown, scaling, summarizeSize, type BenchReport, type SizeRuns } from './lib/report.ts';

const usage =
  'npm run bench -- [--articles 1000,10000] [--runs 3] [--seed 1] [--work <dir>] [--no-peer] [--json <file>] [--from <file>] [--write]';
const { values } = cliArgs(
  () =>
    parseArgs({
      options: {
        articles: { type: 'string', default: '1000,10000' },
        runs: { type: 'string', default: '3' },
        seed: { type: 'string', default: '1' },
        work: { type: 'string', default: path.join(os.tmpdir(), 'yiqihui-bench') },
        'no-peer': { type: 'boolean', default: false },
        json: { type: 'string' },
        from: { type: 'string' },
        write: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }),
  usage,
);
const sizes = values.articles.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error(`--articles takes whole numbers >= 1 separated by commas, --runs a whole number >= 1\nusage: ${usage}`);
  process.exit(2);
}
const work = path.resolve(values.work);
/** The last outputs and caches: moved aside, deleted at the end, so that no measured build follows a deletion. */
const aside = setAside(work);
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function folderSize(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(dir, entry));
    if (!stat.isFile()) continue;
    bytes += stat.size;
    files++;
    if (entry.endsWith('.html')) pages++;
  }
  return { bytes, files, pages };
}

/**
 * Edits article 0's text, then adds article N: the two rebuilds a writer's push causes, as CI runs
 * them: with the build cache it restores, and without the last output (a runner starts without
 * it).
 */
async function rebuilds(corpus: Corpus, articles: number, build: OurBuild) {
  const rebuild = async () => {
    await aside.move(build.outDir);
    return buildOurs(build);
  };
  const edited = path.join(corpus.dir, articlePath(corpus.article(0)));
  const original = await readFile(edited, 'utf8');
  await appendFile(edited, '\n编者注：本文在基准测试中修改过一句话。\n');
  const edit = await rebuild();
  const added = await writeArticle(corpus.dir, corpus.article(articles));
  const add = await rebuild();
  await writeFile(edited, original);
  await rm(added);
  return { edit, add };
}

async function benchSize(articles: number): Promise<SizeRuns> {
  const dir = path.join(work, String(articles));
  await rm(dir, { recursive: true, force: true });
  log(`${articles} articles: generating the corpus`);
  const corpus = await createCorpus({ articles, seed: Number(values.seed), out: path.join(dir, 'content') });
  const peerWork = path.join(dir, 'hugo');
  if (!values['no-peer']) await preparePeerSite(corpus.dir, peerWork);
  const build: OurBuild = {
    contentDir: corpus.dir,
    outDir: path.join(dir, 'dist'),
    cacheDir: path.join(dir, 'cache'),
    timingsFile: path.join(dir, 'timings.jsonl'),
  };
  const result: SizeRuns = { articles, pages: 0, cold: [], edit: [], add: [], peer: [], outputBytes: 0, outputFiles: 0 };

  const ours = async (run: number) => {
    await aside.move(build.cacheDir);
    await aside.move(build.outDir);
    const cold = await buildOurs(build);
    const output = folderSize(build.outDir);
    Object.assign(result, { pages: output.pages, outputBytes: output.bytes, outputFiles: output.files });
    const { edit, add } = await rebuilds(corpus, articles, build);
    result.cold.push(cold);
    result.edit.push(edit);
    result.add.push(add);
    const phases = Object.entries(cold.phases)
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`)
      .join(', ');
    log(
      `${articles} articles, run ${run}: ours cold ${(cold.ms / 1000).toFixed(1)} s (${phases}), edit ${(edit.ms / 1000).toFixed(1)} s, add ${(add.ms / 1000).toFixed(1)} s, peak ${(cold.peakRss / 2 ** 30).toFixed(2)} GB`,
    );
  };
  const peer = async (run: number) => {
    if (result.peerFailure) return;
    let built;
    try {
      built = await buildPeer(peerWork, aside.move);
    } catch (error) {
      // A peer that cannot build this size (out of memory) is a result, not the end of the bench.
      result.peerFailure = peerFailure(error);
      log(`${articles} articles, run ${run}: peer failed: ${result.peerFailure}`);
      return;
    }
    result.peer.push(built);
    result.peerOutputBytes = folderSize(path.join(peerWork, 'public')).bytes;
    log(
      `${articles} articles, run ${run}: peer ${(built.ms / 1000).toFixed(1)} s (hugo ${(built.hugoMs / 1000).toFixed(1)} s, pagefind ${(built.pagefindMs / 1000).toFixed(1)} s), peak ${(built.peakRss / 2 ** 30).toFixed(2)} GB`,
    );
  };
  for (let run = 1; run <= runs; run++) {
    // Alternating which goes first, so neither always gets the warmer disk cache.
    const order = values['no-peer'] ? [ours] : run % 2 ? [ours, peer] : [peer, ours];
    for (const step of order) await step(run);
  }
  return result;
}

/** The first line of the peer's error (the kernel's log says why a process was killed). */
function peerFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]!
    .replace(/^bench: /, '')
    .replace(/:$/, '');
}

async function runBench(): Promise<BenchReport> {
  await mkdir(work, { recursive: true });
  await aside.clear();
  const summaries = [];
  for (const articles of sizes) summaries.push(summarizeSize(await benchSize(articles)));
  await aside.clear();
  return {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString().slice(0, 10),
    machine: thisMachine(),
    runs,
    sizes: summaries,
    scaling: scaling(summaries),
  };
}

const report = values.from
  ? await readSavedReport<BenchReport>(values.from, ['command', 'machine', 'runs', 'sizes', 'scaling'], 'npm run bench')
  : await runBench();
const markdown = reportMarkdown(report);
console.log(`\n${markdown}`);
if (values.json) await saveJson(values.json, report);
if (values.write) {
  await mkdir(path.dirname(SCALE_CHART), { recursive: true });
  await writeFile(SCALE_CHART, await scaleChartSvg(report));
  await writeBlock(SCALE_BLOCK, `${markdown}\n\n${SCALE_CHART_REFERENCE}`);
  log(`results written to ${BENCHMARKS_FILE}, the chart to ${SCALE_CHART}`);
}
