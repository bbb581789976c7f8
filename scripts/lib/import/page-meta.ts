/**
 * What a long-form page lacks, its channel and date, from a small file beside it:
 * `shequn-longform.txt` takes `shequn-longform.meta.yaml`:
 *
 *   channel: shequn          # a slug from channels.yaml, or the channel's Chinese name
 *   date: 2018-06-01 09:00:00
 *   views: 120               # optional, default 0
 *   source: 一起惠           # optional
 */
import path from 'node:path';
import YAML, { LineCounter } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import { parseArchiveDate, type ArchiveDate } from '../../../src/lib/dates.ts';

/** What the person importing says about long-form pages, which carry no metadata. */
export interface LongformMeta {
  channel: string;
  date: ArchiveDate;
  views: number;
  source?: string;
}

export const META_SUFFIX = '.meta.yaml';

/** The metadata file of a page: its name with `.meta.yaml` in place of its extension. */
export function metaFileOf(page: string): string {
  const { dir, name } = path.parse(page);
  return path.join(dir, `${name}${META_SUFFIX}`);
}

const metaSchema = z.strictObject({
  /** A slug from channels.yaml, or the channel's Chinese name (added to channels.yaml when new). */
  channel: z.string({ error: 'expected a channel slug such as shequn, or its name such as 社群' }).trim().min(1),
  /** `2018-06-01 09:00:00` or `2018-06-01`, Beijing time. Quote it if YAML would read it otherwise. */
  date: z.union([z.string(), z.number()], { error: 'expected a date such as "2018-06-01 09:00:00"' }).transform(String),
  /** View count on the old site. */
  views: z.number({ error: 'expected a whole number >= 0' }).int({ error: 'expected a whole number >= 0' }).min(0).default(0),
  /** Where the page came from (e.g. 一起惠). */
  source: z.string({ error: 'expected text' }).trim().min(1).optional(),
});

/** Reads a page's metadata file; every problem names the file, the line and the field. */
export function parsePageMeta(text: string, file: string): { meta: LongformMeta } | { problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { schema: 'core', lineCounter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const message = `is not valid YAML (${error.message.split('\n')[0]}); the page is skipped`;
    return { problems: [{ file, line: error.linePos?.[0].line, message }] };
  }
  const lineOf = (field: string | undefined) => {
    const node = field === undefined ? undefined : doc.getIn([field], true);
    const offset = node && typeof node === 'object' && 'range' in node ? (node.range as number[] | undefined)?.[0] : undefined;
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const parsed = metaSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        if (issue.code === 'unrecognized_keys') {
          const field = issue.keys[0]!;
          const fields = Object.keys(metaSchema.shape).join(', ');
          return { file, line: lineOf(field), field, message: `is not a field here: the fields are ${fields}; the page is skipped` };
        }
        const field = issue.path.map(String).join('.') || undefined;
        return { file, line: lineOf(field), field, message: `${issue.message}; the page is skipped` };
      }),
    };
  }
  const date = parseArchiveDate(parsed.data.date);
  if ('error' in date) return { problems: [{ file, line: lineOf('date'), field: 'date', message: `${date.error}; the page is skipped` }] };
  const { channel, views, source } = parsed.data;
  return { meta: { channel, date, views, ...(source === undefined ? {} : { source }) } };
}
