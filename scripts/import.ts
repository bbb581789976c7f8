/**
 * npm run import -- <file or folder>... [--out <content dir>] [--dry-run] [--report <file.json>]
 *                   [--channel <slug> --date <date> [--views N] [--source S]]   (long-form pages)
 * Imports the old site's scraped pages into content/. See scripts/lib/import/README.md.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isError } from '../src/lib/content/problems.ts';
import { parseArchiveDate } from '../src/lib/dates.ts';
import { outFolderProblem } from './lib/import/content-dir.ts';
import { runImport } from './lib/import/importer.ts';
import { pageFiles } from './lib/import/page-files.ts';
import type { LongformMeta } from './lib/import/page-meta.ts';
import { progressView } from './lib/import/progress.ts';
import { reportFileProblem, reportJson } from './lib/import/report-file.ts';
import { formatSummary } from './lib/import/summary.ts';

const USAGE = `usage: npm run import -- <file or folder>... [--out <content dir>] [--dry-run] [--report <file.json>]
       [--channel <slug> --date "2019-06-04 09:00:00" [--views N] [--source S]]  (long-form pages without a .meta.yaml)`;

function fail(messages: string[]): never {
  console.error([...messages, USAGE].join('\n'));
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', default: 'content' },
        report: { type: 'string' },
        channel: { type: 'string' },
        date: { type: 'string' },
        views: { type: 'string' },
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs names the flag: "Unknown option '--chanel'".
    return fail([`error: ${(error as Error).message}`]);
  }
}

function longformMeta(values: ReturnType<typeof parseCommandLine>['values']): LongformMeta | undefined {
  const errors: string[] = [];
  const { channel, date: dateText, views: viewsText, source } = values;
  if (channel === undefined && dateText === undefined) {
    if (viewsText !== undefined || source !== undefined)
      errors.push('error: --views and --source describe a long-form page: give --channel and --date too');
    if (errors.length > 0) fail(errors);
    return undefined;
  }
  if (channel === undefined) errors.push('error: --date was given without --channel: long-form pages need both');
  if (dateText === undefined) errors.push('error: --channel was given without --date: long-form pages need both');
  const date = dateText === undefined ? undefined : parseArchiveDate(dateText);
  if (date && 'error' in date) errors.push(`error: --date: ${date.error}`);
  const views = viewsText === undefined ? 0 : Number(viewsText);
  if (!Number.isInteger(views) || views < 0) errors.push(`error: --views: expected a whole number >= 0, got "${viewsText}"`);
  if (source !== undefined && source.trim() === '') errors.push('error: --source: must not be empty');
  if (errors.length > 0 || channel === undefined || date === undefined || 'error' in date) return fail(errors);
  return { channel, date, views, ...(source === undefined ? {} : { source: source.trim() }) };
}

const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length === 0) fail(['error: name at least one legacy page or folder of pages to import']);
const longform = longformMeta(values);
const outProblem = await outFolderProblem(values.out);
if (outProblem) fail([`error: ${outProblem}`]);
const reportProblem = values.report === undefined ? undefined : await reportFileProblem(values.report, values.out);
if (reportProblem) fail([`error: ${reportProblem}`]);
const files = await pageFiles(positionals);
if (files.length === 0) fail([`error: no pages (.txt or .html files) in ${positionals.join(', ')}`]);

const progress = progressView(process.stderr, process.env);
const report = await runImport({
  files,
  contentDir: values.out,
  ...(longform ? { longform } : {}),
  dryRun: values['dry-run'],
  onProgress: (p) => progress.update(p),
});
progress.stop();
console.log(formatSummary(report, values['dry-run']));
if (values.report) {
  await writeFile(values.report, reportJson(report, values['dry-run']));
  console.log(`Details in ${values.report}`);
}
process.exitCode = report.fatal.length > 0 ? 2 : report.problems.some(isError) ? 1 : 0;
