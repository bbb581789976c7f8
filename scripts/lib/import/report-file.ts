/** The `--report <file.json>` of `npm run import`: per page what was found, per article what happened. */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isError } from '../../../src/lib/content/problems.ts';
import type { ImportReport } from './importer.ts';

const resolved = (file: string) => realpath(file).catch(() => path.resolve(file));

/**
 * Why `--report <file>` must not be written, checked before the import: the report replaces the
 * file, so it may be a new file or an earlier report, never a writer's file or one in the content folder.
 */
export async function reportFileProblem(file: string, contentDir: string): Promise<string | undefined> {
  const [target, content] = [path.join(await resolved(path.dirname(file)), path.basename(file)), await resolved(contentDir)];
  if (target === content || target.startsWith(content + path.sep)) {
    return `--report ${file} is inside the content folder ${contentDir}: write the report elsewhere, e.g. --report import-report.json`;
  }
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    return code === 'ENOENT' ? undefined : `--report ${file} can't be written (${code}): name a new file, e.g. --report import-report.json`;
  }
  const earlier = (() => {
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null && 'pages' in value && 'articles' in value;
    } catch {
      return false;
    }
  })();
  return earlier
    ? undefined
    : `--report ${file} is a file that is not an import report, and the report would replace it: name a new file, e.g. --report import-report.json`;
}

export function reportJson(report: ImportReport, dryRun: boolean): string {
  const plan = report.plan;
  const problemsOf = (file: string) => report.problems.filter((p) => p.file === file);
  return `${JSON.stringify(
    {
      dryRun,
      pages: report.parsed.map((p) => ({
        file: p.file,
        format: p.format ?? null,
        articles: p.copies.map((c) => ({ origin: c.origin, title: c.title, lang: c.lang, date: c.date.display, channel: c.channel })),
        skipped: p.format === undefined || (p.copies.length === 0 && problemsOf(p.file).some(isError)),
        problems: problemsOf(p.file),
        droppedLines: p.dropped,
      })),
      articles: {
        created: plan?.created ?? [],
        merged: plan?.merged ?? [],
        replacedByTheSimplifiedOriginal: plan?.replaced ?? [],
        unchanged: plan?.unchanged ?? [],
        merges: plan?.merges ?? [],
        mangled: plan?.mangled ?? [],
      },
      skipped: report.problems.filter(isError),
      warnings: report.problems.filter((p) => !isError(p)),
      fatal: report.fatal,
      channelsAdded: report.channelsAdded,
      merchantsAdded: report.merchantsAdded,
      merchantsUpdated: report.merchantsUpdated,
      written: report.written,
    },
    null,
    2,
  )}\n`;
}
