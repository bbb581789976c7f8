/**
 * Parses a long-form page: the title on the first line, then paragraphs separated by blank lines or
 * by line breaks, with or without a blank line after the title.
 * Short numbered lines (`一、…`, `1、…`, `3. …`) and short unpunctuated lines are headings;
 * boilerplate lines (see boilerplate.ts) are dropped and reported.
 */
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import { boilerplateRule } from './boilerplate.ts';
import { removeLeakedPinyin } from './leaked-pinyin.ts';
import type { Block } from './markdown.ts';
import { restoreStructure } from './restore-structure.ts';

export interface LongformPage {
  title: string;
  blocks: Block[];
  /** Dropped lines, for the summary: `line 37 (source credit): 文章来源:…`. */
  dropped: { line: number; rule: string; text: string }[];
  problems: ContentProblem[];
}

const MAX_HEADING = 30;
/** `一、` and `(一)` open a section; `1、`, `1.` and `(1)` a subsection. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]+、|[(\uFF08][一二三四五六七八九十]+[)\uFF09])/u;
const SUBSECTION_NUMBER = /^(?:\d{1,2}(?:、|\.(?!\d)\s?|\s|[)\uFF09])|[(\uFF08]\d{1,2}[)\uFF09])/u;
/** Headings have no sentence inside them; a question mark may end one. */
const SENTENCE_PUNCTUATION = /[。;\uFF1B!\uFF01:\uFF1A]|[,\uFF0C].*[?\uFF1F]$/u;
/** An unnumbered heading is a bare phrase: no clause marks, no parenthesised credit or note. */
const CLAUSE_PUNCTUATION = /[,\uFF0C。;\uFF1B!\uFF01:\uFF1A()\uFF08\uFF09]/u;

/**
 * The heading depth of a paragraph, if it is one. After a numbered heading an unnumbered short
 * line is that item's text (`13、网红和抖音曝光品牌` then `主要是利用主播的影响力`), not a heading.
 */
function headingDepth(text: string, afterNumberedHeading: boolean): 2 | 3 | undefined {
  if ([...text].length > MAX_HEADING || /[。.]$/u.test(text)) return undefined;
  if (SECTION_NUMBER.test(text)) return SENTENCE_PUNCTUATION.test(text) ? undefined : 2;
  if (SUBSECTION_NUMBER.test(text)) return SENTENCE_PUNCTUATION.test(text) ? undefined : 3;
  return afterNumberedHeading || CLAUSE_PUNCTUATION.test(text) ? undefined : 2;
}

const isNumbered = (text: string) => SECTION_NUMBER.test(text) || SUBSECTION_NUMBER.test(text);
/** Below this share of its block's longest line, a line that reads as a heading is one. */
const HEADING_SHARE = 0.6;

/** For each line, the length of the longest line of its block (the lines between blank ones). */
function blockWidths(lines: readonly string[]): number[] {
  const widths = lines.map(() => 0);
  let start = 0;
  lines.forEach((line, i) => {
    const end = i === lines.length - 1 || lines[i + 1] === '';
    if (line === '') {
      start = i + 1;
      return;
    }
    if (!end) return;
    const width = Math.max(...lines.slice(start, i + 1).map((l) => [...l].length));
    widths.fill(width, start, i + 1);
  });
  return widths;
}

/** How a sentence, so a paragraph of one line a sentence, ends. */
const ENDS_SENTENCE = /[。！？!?…”」』]$/u;

export function parseLongformPage(text: string, file: string): LongformPage {
  const problems: ContentProblem[] = [];
  const dropped: LongformPage['dropped'] = [];
  const lines = text.split('\n').map((l) => removeLeakedPinyin(l.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '')));
  // An ad or credit above the title is not the title: dropped, as anywhere else.
  let first = lines.findIndex((l) => l !== '');
  for (let rule = boilerplateRule(lines[first] ?? ''); rule; rule = boilerplateRule(lines[first] ?? '')) {
    dropped.push({ line: first + 1, rule: rule.name, text: lines[first]! });
    first = lines.findIndex((l, i) => i > first && l !== '');
  }
  const title = lines[first] ?? '';
  const body = first === -1 ? [] : lines.slice(first + 1);
  // A page that separates paragraphs by blank lines may wrap one over several lines: those join.
  // A page without blank lines between its lines has a paragraph a line.
  const wraps = body
    .slice(
      body.findIndex((l) => l !== ''),
      body.findLastIndex((l) => l !== ''),
    )
    .includes('');
  const widths = blockWidths(body);
  const paragraphs: { line: number; text: string }[] = [];
  let open = false;
  for (const [index, line] of body.entries()) {
    const n = first + index + 2;
    if (line === '') {
      open = false;
      continue;
    }
    const rule = boilerplateRule(line);
    if (rule) {
      dropped.push({ line: n, rule: rule.name, text: line });
      open = false;
      continue;
    }
    // A wrapped line breaks off mid-sentence, and what follows it joins, but a numbered heading.
    const joins: boolean = open && !isNumbered(line);
    if (joins) paragraphs.at(-1)!.text += line;
    else paragraphs.push({ line: n, text: line });
    // After a sentence's end, or a heading, a new paragraph starts (pieces pasted without blank lines
    // inside them, on a page that has some). A heading is a short line that starts a paragraph: a
    // wrapped paragraph's first line is about as long as its block's longest.
    const heading: boolean = !joins && [...line].length < HEADING_SHARE * widths[index]! && headingDepth(line, false) !== undefined;
    open = wraps && !ENDS_SENTENCE.test(line) && !heading;
  }
  const blocks: Block[] = [];
  for (const { text: p } of paragraphs) {
    const previous = blocks.at(-1);
    const depth = headingDepth(p, previous?.kind === 'heading' && isNumbered(previous.text));
    // A paragraph gets the listing articles' treatment: glued steps and headings, cuts when too long.
    blocks.push(...(depth ? [{ kind: 'heading', depth, text: p } as const] : restoreStructure(p)));
  }
  if (!blocks.some((b) => b.kind === 'paragraph')) {
    problems.push({ file, line: first + 2, message: 'has a title but no paragraphs below it; skipped' });
  }
  return { title, blocks, dropped, problems };
}
