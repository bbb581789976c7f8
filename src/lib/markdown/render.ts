/**
 * `renderMarkdown`: an article body in Markdown (raw HTML allowed) to safe HTML and plain text.
 * MediaWiki-style protection markers (`-{…}-`) pass through untouched in both; the variant
 * converter resolves them afterwards.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { BodyLimitError, parseWithinLimits } from './limits.ts';
import { markdownProcessor } from './processor.ts';

export interface RenderedBody {
  /** Sanitised HTML for the article page. */
  html: string;
  /**
   * The body's text, one block a line, for its summary: without code blocks (a listing showed
   * `const x = …` as an article's first words, converted on zh-Hant pages); for a body of
   * pictures only, their descriptions (alt), else nothing.
   */
  text: string;
}

/** Throws a BodyLimitError for a body outside the limits (limits.ts), which `check` reports first. */
export function renderMarkdown(markdown: string): RenderedBody {
  const parsed = parseWithinLimits(markdown);
  if (parsed.tree === undefined) throw new BodyLimitError(parsed.issues);
  const tree = markdownProcessor.runSync(parsed.tree, markdown);
  const prose = withoutCodeBlocks(tree);
  const text = linesOf(toText(prose)) || linesOf(altsOf(prose).join('\n'));
  return { html: markdownProcessor.stringify(tree), text };
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');

/** The tree without its `<pre>` blocks (a copy where one is left out; the rest shared). */
function withoutCodeBlocks<T extends Root | Element>(node: T): T {
  if (!node.children.some((child) => child.type === 'element')) return node;
  const children = node.children
    .filter((child) => !(child.type === 'element' && child.tagName === 'pre'))
    .map((child) => (child.type === 'element' ? withoutCodeBlocks(child) : child));
  return { ...node, children } as T;
}

/** The `alt` of every image in the tree, in order. */
function altsOf(node: Root | Element): string[] {
  return node.children.flatMap((child) => {
    if (child.type !== 'element') return [];
    const alt = child.tagName === 'img' ? child.properties.alt : undefined;
    return typeof alt === 'string' ? [alt] : altsOf(child);
  });
}
