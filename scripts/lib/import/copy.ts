/**
 * One copy of an article as found in a legacy page: a listing entry or a long-form page. Copies of
 * the same article (other channels, snapshots, scripts, reposts) are merged by merge.ts.
 */
import type { Lang } from '../../../src/consts.ts';
import type { ArchiveDate } from '../../../src/lib/dates.ts';
import { deriveSummary, deriveTitle } from './title.ts';
import { blocksToMarkdown, type Block } from './markdown.ts';
import { findMangledRuns } from './mangled.ts';
import { comparableText } from './similarity.ts';
import { textHash } from './slug.ts';

/** What the page (or, for long-form pages, the command line) says about a copy. */
export interface CopyMeta {
  /** `file:line`, for the summary. */
  origin: string;
  channel: string;
  lang: Lang;
  date: ArchiveDate;
  views: number;
  source?: string;
}

export interface Copy extends CopyMeta {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  /** The text as compared with other copies (similarity.ts). */
  comparable: string;
  /** Hash of `comparable`: recognises this copy on a later run. */
  hash: string;
  /** Runs damaged by the old site's encoding error, with context. */
  mangled: string[];
}

/** A listing entry: one paragraph whose title and summary are derived from its text. */
export function listingCopy(text: string, meta: CopyMeta): Copy {
  return makeCopy(meta, deriveTitle(text), deriveSummary(text), [{ kind: 'paragraph', text }]);
}

/** A long-form page: its own title; the summary comes from the first paragraph. */
export function longformCopy(title: string, blocks: Block[], meta: CopyMeta): Copy {
  const firstParagraph = blocks.find((b) => b.kind === 'paragraph')?.text ?? title;
  return makeCopy(meta, title, deriveSummary(firstParagraph), blocks);
}

function makeCopy(meta: CopyMeta, title: string, summary: string, blocks: Block[]): Copy {
  const text = blocks.map((b) => b.text).join('\n');
  const comparable = comparableText(text);
  return {
    ...meta, title, summary, body: blocksToMarkdown(blocks), comparable, hash: textHash(comparable),
    mangled: findMangledRuns(text),
  };
}
