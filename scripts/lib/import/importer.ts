/**
 * `npm run import` end to end: read the legacy files and the content directory, plan, and (unless
 * dry-run) write. Writing happens only after everything was read and planned, so a refusal or a
 * broken registry leaves content/ exactly as it was.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LINK_OUT, linkOutOf } from '../../../src/integrations/site-data/load-content.ts';
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import type { Channel, Merchant } from '../../../src/lib/content/schema.ts';
import { readArticles, readText, serializeArticle, writeFileAtomic } from './content-store.ts';
import { metaFileOf, parsePageMeta, type LongformMeta } from './page-meta.ts';
import { readLegacyFile, type ParsedFile } from './pages.ts';
import { planImport, type Plan } from './plan.ts';
import { ChannelRegistry, MerchantRegistry } from './registries.ts';

export interface ImportOptions {
  files: string[];
  contentDir: string;
  /** From --channel (a slug, or a channel name) --date --views --source. */
  longform?: LongformMeta;
  dryRun: boolean;
  /** Called after each page is read. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
  articles: number;
}

export interface ImportReport {
  parsed: ParsedFile[];
  plan?: Plan;
  channelsAdded: Channel[];
  merchantsAdded: Merchant[];
  merchantsUpdated: { name: string; from: string; to: string }[];
  /** Files written (or, in a dry run, that would be), relative to the content directory. */
  written: string[];
  /** Problems that stopped the whole run: nothing was written. */
  fatal: ContentProblem[];
  problems: ContentProblem[];
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { contentDir, onProgress = () => {} } = options;
  const report: ImportReport = {
    parsed: [],
    channelsAdded: [],
    merchantsAdded: [],
    merchantsUpdated: [],
    written: [],
    fatal: [],
    problems: [],
  };
  const channelsFile = path.join(contentDir, 'channels.yaml');
  const merchantsFile = path.join(contentDir, 'merchants.yaml');
  const merchantsText = await readText(merchantsFile);
  const channels = ChannelRegistry.load(await readText(channelsFile), channelsFile);
  const merchants = MerchantRegistry.load(merchantsText, merchantsFile);
  if ('problem' in channels || 'problem' in merchants) {
    for (const r of [channels, merchants]) if ('problem' in r) report.fatal.push(r.problem);
    return report;
  }

  const byFlags: ParsedFile[] = [];
  for (const [i, file] of options.files.entries()) {
    const { parsed, usedFlags } = await readPage(file, channels, options.longform);
    report.parsed.push(parsed);
    if (usedFlags) byFlags.push(parsed);
    onProgress({ done: i + 1, total: options.files.length, file, articles: parsed.copies.length });
  }
  report.problems.push(...report.parsed.flatMap((p) => p.problems));
  // --channel is resolved once the listing pages have named their channels; an unknown one is a
  // mistake on the command line, so nothing is imported.
  if (options.longform && byFlags.some((p) => p.copies.length > 0)) {
    const channel = resolveLongformChannel(options.longform.channel, channels);
    if ('problem' in channel) {
      report.fatal.push(channel.problem);
      return report;
    }
    for (const copy of byFlags.flatMap((p) => p.copies)) copy.channel = channel.slug;
  }

  for (const merchant of report.parsed.flatMap((p) => p.merchants)) merchants.merge(merchant);
  report.channelsAdded = channels.added;
  report.merchantsAdded = merchants.added;
  report.merchantsUpdated = merchants.updated;

  const store = await readArticles(contentDir);
  report.problems.push(...store.problems);
  const plan = planImport(
    report.parsed.flatMap((p) => p.copies),
    store.articles,
    store.slugs,
  );
  report.plan = plan;
  report.problems.push(...plan.problems);

  const writes: [string, string][] = plan.writes.map((w) => [w.file, serializeArticle(w.data, w.body)]);
  if (channels.added.length > 0) writes.push(['channels.yaml', channels.toString()]);
  // Pages may disagree on a rebate and change it back: only a different file is written.
  if (merchants.changed && merchants.toString() !== merchantsText) writes.push(['merchants.yaml', merchants.toString()]);
  const escaping = await linkOutOf(
    contentDir,
    writes.map(([file]) => file),
  );
  if (escaping) {
    report.fatal.push({
      file: escaping,
      message: `${LINK_OUT}; move the files into content/ and remove the link`,
    });
    return report;
  }
  for (const [file, text] of writes) {
    if (!options.dryRun) await writeFileAtomic(path.join(contentDir, file), text);
    report.written.push(file);
  }
  return report;
}

/**
 * One page with the long-form metadata it takes: its own .meta.yaml first, else the flags' (whose
 * channel the caller resolves later).
 */
async function readPage(
  file: string,
  channels: ChannelRegistry,
  flags: LongformMeta | undefined,
): Promise<{ parsed: ParsedFile; usedFlags?: boolean }> {
  const skipped = (problems: ContentProblem[]) => ({ parsed: { file, copies: [], merchants: [], dropped: [], problems } });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return skipped([{ file, message: `can't be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); skipped` }]);
  }
  const metaFile = metaFileOf(file);
  const metaText = await readText(metaFile);
  const channelSlug = (name: string) => channels.resolve(name).slug;
  if (metaText === undefined) {
    const parsed = readLegacyFile(file, bytes, { channelSlug, ...(flags ? { longform: flags } : {}) });
    return { parsed, usedFlags: parsed.format === 'longform' };
  }
  const read = parsePageMeta(metaText, metaFile);
  if ('problems' in read) return skipped(read.problems);
  const channel = resolveLongformChannel(read.meta.channel, channels);
  if ('problem' in channel) return skipped([{ ...channel.problem, file: metaFile, field: 'channel' }]);
  return { parsed: readLegacyFile(file, bytes, { channelSlug, longform: { ...read.meta, channel: channel.slug } }) };
}

/** --channel takes a slug from channels.yaml (or one a listing page of this run adds) or a name. */
function resolveLongformChannel(value: string, channels: ChannelRegistry): { slug: string } | { problem: ContentProblem } {
  if (channels.has(value)) return { slug: value };
  if (/\p{Script=Han}/u.test(value)) return { slug: channels.resolve(value).slug };
  return {
    problem: {
      file: 'content/channels.yaml',
      field: '--channel',
      message: `no channel has the slug "${value}": pass a slug listed in channels.yaml, or the channel's Chinese name (e.g. --channel 社群) to add it`,
    },
  };
}
