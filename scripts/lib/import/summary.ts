/** The report printed at the end of `npm run import`. */
import { formatProblem, isError } from '../../../src/lib/content/problems.ts';
import type { ImportReport } from './importer.ts';

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

export function formatSummary(report: ImportReport, dryRun: boolean): string {
  const out: string[] = [];
  if (report.fatal.length > 0) {
    out.push('Nothing was written:', ...report.fatal.map((p) => `  ${formatProblem(p)}`));
    return out.join('\n');
  }
  const plan = report.plan!;
  const copies = report.parsed.reduce((n, p) => n + p.copies.length, 0);
  const skipped = report.problems.filter(isError);
  out.push(
    `${dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${plural(copies, 'article copy', 'article copies')} from ${plural(report.parsed.length, 'file')}:`,
    `  ${plan.created.length} created, ${plan.merged.length} merged into existing, ${plan.unchanged.length} unchanged, ${skipped.length} skipped`,
  );
  if (plan.replaced.length > 0) {
    out.push(`Traditional copies replaced by their simplified originals (${plan.replaced.length}): ${plan.replaced.join(', ')}`);
  }
  if (plan.merges.length > 0) {
    out.push(`Merges (${plan.merges.length}):`);
    for (const m of plan.merges) {
      out.push(
        `  ${m.slug} (${m.into === 'new' ? 'new' : 'existing'}; channels ${m.channels.join(', ')}; views ${m.views}) <- ${m.origins.join(', ')}`,
      );
    }
  }
  if (plan.mangled.length > 0) {
    out.push(`Mangled text kept, no cleaner copy found (${plan.mangled.length}): check these by hand`);
    for (const m of plan.mangled) out.push(`  ${m.slug} (${m.origin}): ${m.runs.join(' | ')}`);
  }
  const dropped = report.parsed.flatMap((p) => p.dropped);
  if (dropped.length > 0) out.push(`Boilerplate lines dropped (${dropped.length}): ${dropped.join(', ')}`);
  if (report.channelsAdded.length > 0) {
    out.push(`Channels added to channels.yaml: ${report.channelsAdded.map((c) => `${c.slug} (${c.name})`).join(', ')}`);
  }
  if (report.merchantsAdded.length > 0 || report.merchantsUpdated.length > 0) {
    out.push(
      `Merchants: ${report.merchantsAdded.length} added, ${report.merchantsUpdated.length} rebates updated` +
        report.merchantsUpdated.map((u) => `; ${u.name} ${u.from} -> ${u.to}`).join(''),
    );
  }
  const warnings = report.problems.filter((p) => !isError(p));
  if (skipped.length > 0) out.push(`Skipped (${skipped.length}), and why:`, ...skipped.map((p) => `  ${formatProblem(p)}`));
  if (warnings.length > 0) out.push(`Worth a look (${warnings.length}):`, ...warnings.map((p) => `  ${formatProblem(p)}`));
  out.push(`${dryRun ? 'Would write' : 'Wrote'} ${plural(report.written.length, 'file')}${report.written.length > 0 ? ':' : '.'}`);
  out.push(...report.written.map((f) => `  ${f}`));
  return out.join('\n');
}
