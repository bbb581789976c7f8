/**
 * One copy of an article as found in a legacy page: a listing entry or a long-form page. Copies of
 * the same article (other channels, snapshots, scripts, reposts) are merged by merge.ts.
 */
import type { Lang } from '../../../src/consts.ts';
import type { ArchiveDate } from '../../../src/lib/dates.ts';
import { deriveSummary, deriveTitle } from './title.ts';
import { blockText, blocksToMarkdown, type Block } from './markdown.ts';
import { restoreStructure } from './restore-structure.ts';
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

/**
 * A listing entry: its flattened text with its structure restored, a title derived from its
 * opening and a summary that goes on where the title stops (a listing shows both, one under the other).
 */
export function listingCopy(text: string, meta: CopyMeta): Copy {
  const { title, summary } = listingHeadline(text);
  return makeCopy(meta, title, summary, restoreStructure(text));
}

/** A summary shorter than this says too little on its own. */
const MIN_SUMMARY = 40;

export function listingHeadline(text: string): { title: string; summary: string } {
  const title = deriveTitle(text);
  const at = text.indexOf(title);
  const rest = at === -1 ? '' : text.slice(at + title.length).replace(/^[\s,，;；:：、。!！?？”’」』)）]+/u, '');
  if (rest === '') return { title, summary: deriveSummary(text) };
  const summary = deriveSummary(rest);
  // The tail of the title's sentence (`毕竟方便又快捷。`) says too little alone: the next sentences join it.
  const after = rest.slice(summary.length).trim();
  const tooLittle = [...summary].length < MIN_SUMMARY && after !== '' && rest.startsWith(summary);
  return { title, summary: tooLittle ? summary + deriveSummary(after) : summary };
}

/** A long-form page: its own title; the summary comes from the first paragraph. */
export function longformCopy(title: string, blocks: Block[], meta: CopyMeta): Copy {
  const firstParagraph = blocks.find((b) => b.kind === 'paragraph')?.text ?? title;
  return makeCopy(meta, title, deriveSummary(firstParagraph), blocks);
}

function makeCopy(meta: CopyMeta, title: string, summary: string, blocks: Block[]): Copy {
  const text = blocks.map(blockText).join('\n');
  const comparable = comparableText(text);
  return {
    ...meta,
    title,
    summary,
    body: blocksToMarkdown(blocks),
    comparable,
    hash: textHash(comparable),
    mangled: findMangledRuns(text),
  };
}
