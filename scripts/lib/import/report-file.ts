/** The `--report <file.json>` of `npm run import`: per page what was found, per article what happened. */
import { isError } from '../../../src/lib/content/problems.ts';
import type { ImportReport } from './importer.ts';

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
