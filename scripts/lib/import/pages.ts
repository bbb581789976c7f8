/**
 * One legacy file to copies of articles: decode, detect the format, parse, and attach channel,
 * script and metadata. Problems are collected per file and line; nothing here touches the disk.
 */
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import type { Merchant } from '../../../src/lib/content/schema.ts';
import { listingCopy, longformCopy, type Copy } from './copy.ts';
import { decodeUtf8 } from './decode.ts';
import { detectFormat, type LegacyFormat } from './detect-format.ts';
import { parseListingPage } from './listing-page.ts';
import { parseLongformPage } from './longform-page.ts';
import { META_SUFFIX, type LongformMeta } from './page-meta.ts';
import { detectLang } from './han-script.ts';

export interface ParsedFile {
  file: string;
  format?: LegacyFormat;
  copies: Copy[];
  merchants: Merchant[];
  /** Lines dropped as boilerplate: `file:line (rule)`. */
  dropped: string[];
  problems: ContentProblem[];
}

export interface PageContext {
  /** Slug of a channel named on a listing page (either script), registering it when new. */
  channelSlug(name: string): string;
  /** From the page's .meta.yaml or --channel/--date, the channel a slug; without it a long-form page is skipped. */
  longform?: LongformMeta;
}

export function readLegacyFile(file: string, bytes: Uint8Array, context: PageContext): ParsedFile {
  const result: ParsedFile = { file, copies: [], merchants: [], dropped: [], problems: [] };
  const decoded = decodeUtf8(bytes, file);
  if ('problem' in decoded) {
    result.problems.push({ ...decoded.problem, message: `${decoded.problem.message}; the file is skipped` });
    return result;
  }
  if (decoded.warning) result.problems.push(decoded.warning);
  const detected = detectFormat(decoded.text);
  if ('error' in detected) {
    result.problems.push({ file, line: detected.line, message: `${detected.error}; the file is skipped` });
    return result;
  }
  result.format = detected.format;
  if (detected.format === 'listing') {
    const page = parseListingPage(decoded.text, file);
    result.problems.push(...page.problems);
    result.merchants = page.merchants;
    if (page.articles.length === 0) return result;
    const channel = context.channelSlug(page.channelName);
    const lang = detectLang([page.channelName, ...page.articles.map((a) => a.text)].join('\n'));
    result.copies = page.articles.map((a) =>
      listingCopy(a.text, {
        origin: `${file}:${a.line}`,
        channel,
        lang,
        date: a.date,
        views: a.views,
        ...(a.source === undefined ? {} : { source: a.source }),
      }),
    );
    return result;
  }
  if (!context.longform) {
    result.problems.push({
      file,
      field: '--channel/--date',
      message:
        `is a long-form page, which has no channel or date; skipped: put them in a ${META_SUFFIX} file beside it ` +
        '(see scripts/lib/import/README.md) or pass --channel <slug> --date <YYYY-MM-DD HH:MM:SS>',
    });
    return result;
  }
  const page = parseLongformPage(decoded.text, file);
  result.problems.push(...page.problems);
  result.dropped = page.dropped.map((d) => `${file}:${d.line} (${d.rule})`);
  if (page.problems.length > 0) return result;
  const { channel, date, views, source } = context.longform;
  const lang = detectLang(decoded.text);
  result.copies = [
    longformCopy(page.title, page.blocks, {
      origin: `${file}:1`,
      channel,
      lang,
      date,
      views,
      ...(source === undefined ? {} : { source }),
    }),
  ];
  return result;
}
