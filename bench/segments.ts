/**
 * `npm run bench:segments -- --articles 10000 --segments 4 [--work <dir>] [--seed 1] [--json <file>] [--write]`:
 * builds a generated corpus in N segments (`npm run build -- --segment I/N`), one after another, each
 * measured as a process tree (time, peak memory), then `npm run assemble`, measured the same way.
 * In CI the segments run on machines of their own, so the slowest segment plus the assemble is
 * what a fanned-out build takes.
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliArgs } from '../scripts/lib/cli.ts';
import { createCorpus } from '../scripts/lib/corpus/index.ts';
import { BENCHMARKS_FILE, SEGMENTS_BLOCK, writeBlock } from './lib/benchmarks-file.ts';
import { runMeasured } from './lib/process-tree.ts';
import { readSavedReport, saveJson, thisMachine } from './lib/record.ts';
import { gb, seconds } from './lib/report.ts';
import { segmentsMarkdown, type SegmentsReport } from './lib/segments-report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const usage =
  'npm run bench:segments -- --articles 10000 --segments 4 [--work <dir>] [--seed 1] [--json <file>] [--from <file>,<file>…] [--write]';
const { values } = cliArgs(
  () =>
    parseArgs({
      options: {
        articles: { type: 'string', default: '10000' },
        segments: { type: 'string', default: '4' },
        work: { type: 'string', default: path.join(os.tmpdir(), 'yiqihui-bench-segments') },
        seed: { type: 'string', default: '1' },
        json: { type: 'string' },
        from: { type: 'string' },
        write: { type: 'boolean', default: false },
      },
    }),
  usage,
);
const articles = Number(values.articles);
const count = Number(values.segments);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(count) || count < 2) {
  console.error(`--articles takes a whole number >= 1 and --segments one >= 2\nusage: ${usage}`);
  process.exit(2);
}
const log = (message: string) => console.log(`[bench:segments ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function runBench(): Promise<SegmentsReport> {
  const work = path.resolve(values.work);
  await rm(work, { recursive: true, force: true });
  log(`${articles} articles: generating the corpus`);
  const corpus = await createCorpus({ articles, seed: Number(values.seed), out: path.join(work, 'content') });
  const node = path.join(ROOT, 'node_modules/.bin/node');

  const measured = async (label: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = await runMeasured(node, args, { cwd: ROOT, env: { ...process.env, CONTENT_DIR: corpus.dir, ...env } });
    if (result.status !== 0) throw new Error(`bench: ${label} failed (exit ${result.status}):\n${result.tail}`);
    log(`${label}: ${seconds(result.ms)}, peak ${gb(result.peakRss)}`);
    return { ms: result.ms, peakRss: result.peakRss };
  };

  const outs = Array.from({ length: count }, (_, i) => path.join(work, `segment-${i + 1}`));
  const segments = [];
  for (const [i, out] of outs.entries()) {
    const segment = `${i + 1}/${count}`;
    segments.push(
      await measured(`segment ${segment}`, ['scripts/build.ts', '--segment', segment, '--out', out], {
        BUILD_CACHE_DIR: path.join(work, `cache-${i + 1}`),
      }),
    );
  }
  const assemble = await measured('assemble', ['scripts/assemble.ts', '--out', path.join(work, 'dist'), ...outs]);
  return {
    command: `npm run bench:segments -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString().slice(0, 10),
    machine: thisMachine(),
    articles,
    segments,
    assemble,
  };
}

const REPORT_FIELDS = ['command', 'date', 'machine', 'articles', 'segments', 'assemble'];
const reports = values.from
  ? await Promise.all(values.from.split(',').map((file) => readSavedReport<SegmentsReport>(file, REPORT_FIELDS, 'npm run bench:segments')))
  : [await runBench()];
const markdown = segmentsMarkdown(reports);
console.log(`\n${markdown}`);
if (values.json) await saveJson(values.json, reports[0]);
if (values.write) {
  await writeBlock(SEGMENTS_BLOCK, markdown);
  log(`results written to ${BENCHMARKS_FILE}`);
}
