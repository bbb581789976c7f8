/**
 * What an article body may ask of the renderer, checked before and right after parsing so that
 * `check` and the build refuse the same bodies with the same words. The parser and the hast tools
 * recurse once per nesting level (2,000 nested `>` overflowed the stack in mdast-util-to-hast) and
 * micromark matches emphasis and link brackets in time that grows with the square of their number
 * in a paragraph (100 KB of `*a*` kept a build busy for minutes): both are bounded here, far above
 * what real articles use (the archive's most is 5 such characters in an article, nesting 4 deep).
 */
import { Parser } from 'htmlparser2';
import type { Html, Nodes, Root } from 'mdast';
import { markdownProcessor } from './processor.ts';

/** Quotes, lists, emphasis and HTML elements inside each other; 500 rendered, 2,000 overflowed. */
export const MAX_NESTING_DEPTH = 100;
/**
 * Indentation, `>` and list markers before a line's text: beyond this the line nests deeper than
 * MAX_NESTING_DEPTH can allow, and parsing such lines already costs seconds (500 nested list levels: 11 s).
 */
export const MAX_LINE_PREFIX = 4 * MAX_NESTING_DEPTH;
/** `*`, `_` and `]` in one paragraph: 1,000 parse in ~50 ms, 8,000 in 1.5 s, 13,000 `]` in 6 s. */
export const MAX_DELIMITERS_PER_PARAGRAPH = 1_000;
/** The same in a whole body, so that many paragraphs at the limit stay within the budget too. */
export const MAX_DELIMITERS_PER_BODY = 10_000;
/**
 * The time a body may take to render. A normal article takes ~1 ms; within the limits above,
 * size alone still costs: 1 MB of table rows took 57 s, of list items over 2 minutes (micromark's
 * lists grow faster than their length). So `check` renders every body larger than WATCHED_BYTES
 * in a worker it stops at this budget, and refuses the body then.
 */
export const RENDER_BUDGET_MS = 10_000;
/** Up to this size a body within the limits renders in well under the budget (the slowest kind, a 100 KB list, in ~3 s). */
export const WATCHED_BYTES = 50_000;
/**
 * Whether the body has a raw HTML start tag. The HTML parser reopens formatting elements left open
 * (`<p><b class="1"></p>`) in every later paragraph, so 48 KB of them took 88 s to render, nested
 * 2,000 deep: no scan of the text predicts that, so `check` times a body with raw HTML like one
 * larger than WATCHED_BYTES (the archive has none).
 */
export const hasRawHtml = (markdown: string): boolean => /<[A-Za-z]/.test(markdown);

/** A problem in a body, `line` counted from the body's first line (1). */
export interface BodyIssue {
  line: number;
  message: string;
}

/** Thrown by the renderer for a body outside the limits: `check` reports the same issues first. */
export class BodyLimitError extends Error {
  // A declared field, not a parameter property: build workers run this file with Node's type stripping.
  readonly issues: BodyIssue[];
  constructor(issues: BodyIssue[]) {
    super(issues.map((i) => `body line ${i.line}: ${i.message}`).join('\n'));
    this.name = 'BodyLimitError';
    this.issues = issues;
  }
}

const FENCE = /^ {0,3}(?:```|~~~)/;
const LINE_PREFIX = /^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
/** Unescaped delimiters: an escaped `\*` is text to the parser. */
const DELIMITER = /(?<!\\)[*_\]]/g;
const number = (n: number) => n.toLocaleString('en-US');

interface SourceScan {
  /** The line with the longest container prefix, and its width (tabs as four columns). */
  widest: { line: number; width: number };
  /** Each paragraph's first line and its delimiters; `tildes` (strikethrough) only nest, never slow the parser. */
  paragraphs: { line: number; delimiters: number; tildes: number }[];
}

function scanSource(markdown: string): SourceScan {
  const scan: SourceScan = { widest: { line: 1, width: 0 }, paragraphs: [] };
  let inFence = false;
  let paragraph: SourceScan['paragraphs'][number] | undefined;
  markdown.split('\n').forEach((text, i) => {
    const line = i + 1;
    if (FENCE.test(text)) inFence = !inFence;
    const width = LINE_PREFIX.exec(text)![0].replaceAll('\t', '    ').length;
    if (width > scan.widest.width) scan.widest = { line, width };
    if (text.trim() === '') {
      paragraph = undefined;
      return;
    }
    if (!paragraph) scan.paragraphs.push((paragraph = { line, delimiters: 0, tildes: 0 }));
    if (inFence) return;
    paragraph.delimiters += text.match(DELIMITER)?.length ?? 0;
    paragraph.tildes += text.match(/~/g)?.length ?? 0;
  });
  return scan;
}

/** What can be judged from the text alone, before the parser spends time on it. */
export function sourceIssues(markdown: string): BodyIssue[] {
  const { widest, paragraphs } = scanSource(markdown);
  const issues: BodyIssue[] = [];
  if (widest.width > MAX_LINE_PREFIX) {
    issues.push({
      line: widest.line,
      message:
        `the line starts with ${number(widest.width)} characters of indentation, > and list markers (at most ${MAX_LINE_PREFIX}): ` +
        `quotes and lists nest at most ${MAX_NESTING_DEPTH} deep; flatten them`,
    });
  }
  for (const { line, delimiters } of paragraphs.filter((p) => p.delimiters > MAX_DELIMITERS_PER_PARAGRAPH)) {
    issues.push({
      line,
      message:
        `this paragraph has ${number(delimiters)} of the characters * _ ] (at most ${number(MAX_DELIMITERS_PER_PARAGRAPH)}): ` +
        'parsing them takes time that grows with the square of their number; split the paragraph with blank lines, ' +
        'write \\* \\_ \\] for the characters themselves, or put the text in a ``` code block',
    });
  }
  const total = paragraphs.reduce((sum, p) => sum + p.delimiters, 0);
  if (total > MAX_DELIMITERS_PER_BODY) {
    issues.push({
      line: 1,
      message:
        `the body has ${number(total)} of the characters * _ ] (at most ${number(MAX_DELIMITERS_PER_BODY)}): ` +
        'write \\* \\_ \\] for the characters themselves, put data in a ``` code block, or split the article',
    });
  }
  return issues.sort((a, b) => a.line - b.line);
}

/** A prefix of this many characters nests at most this deep: each level takes at least one (`>`, `- `). */
const SHALLOW_PREFIX = MAX_NESTING_DEPTH / 4;
/** Emphasis or strikethrough takes at least two delimiters a level. */
const SHALLOW_DELIMITERS = MAX_NESTING_DEPTH;

/**
 * Whether the text alone shows that its tree stays within MAX_NESTING_DEPTH, so that `check` need
 * not parse it: no raw HTML or link brackets, shallow line prefixes, few delimiters a paragraph
 * (root + prefix levels + block + table + delimiters / 2 + text stays under the limit). Most
 * articles are plain prose like that: parsing them made a cold `check` twice as slow.
 */
export function shallowWithoutParsing(markdown: string): boolean {
  if (/[[<]/.test(markdown)) return false;
  const { widest, paragraphs } = scanSource(markdown);
  return widest.width <= SHALLOW_PREFIX && paragraphs.every((p) => p.delimiters + p.tildes <= SHALLOW_DELIMITERS);
}

/** Tags htmlparser2 closes at once as void and the renderer's parser (parse5) nests: 2,000 `<command>` overflowed the stack. */
const NOT_VOID_TO_PARSE5 = new Set(['command', 'isindex']);

/**
 * The parsed tree's nesting, raw HTML elements included (rehype-raw turns them into elements
 * inside the Markdown ones): the first node deeper than the limit, and how deep the deepest goes.
 */
export function treeIssues(tree: Root): BodyIssue[] {
  let deepest = 0;
  let firstLine: number | undefined;
  let htmlDepth = 0;
  let at = { depth: 0, line: 1 };
  const reach = () => {
    const reached = at.depth + htmlDepth;
    if (reached > deepest) deepest = reached;
    if (reached > MAX_NESTING_DEPTH && firstLine === undefined) firstLine = at.line;
  };
  // Measured at every opening tag: one HTML block can open 2,000 elements and close them again.
  const html = new Parser(
    {
      onopentag: () => void (htmlDepth++, reach()),
      onclosetag: (name, implied) => void (implied && NOT_VOID_TO_PARSE5.has(name) ? 0 : (htmlDepth = Math.max(0, htmlDepth - 1))),
    },
    { decodeEntities: false },
  );
  // Iterative on purpose: recursion here would overflow on the very trees it is meant to refuse.
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    at = { depth, line: node.position?.start.line ?? 1 };
    reach();
    if (node.type === 'html') html.write((node as Html).value);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, depth + 1]);
  }
  html.end();
  if (firstLine === undefined) return [];
  return [
    {
      line: firstLine,
      message:
        `quotes, lists, emphasis or HTML elements nest ${number(deepest)} deep here (at most ${MAX_NESTING_DEPTH}): ` +
        'the build cannot render deeper nesting; flatten it (close HTML elements you open)',
    },
  ];
}

/** The body's Markdown tree, or what keeps it from being rendered (then the parser never sees a body outside the limits). */
export function parseWithinLimits(markdown: string): { tree: Root; issues: [] } | { tree: undefined; issues: BodyIssue[] } {
  const before = sourceIssues(markdown);
  if (before.length > 0) return { tree: undefined, issues: before };
  const tree = markdownProcessor.parse(markdown);
  const after = treeIssues(tree);
  return after.length > 0 ? { tree: undefined, issues: after } : { tree, issues: [] };
}
