/**
 * `renderMarkdown`: an article body in Markdown (raw HTML allowed) to safe HTML and plain text.
 * MediaWiki-style protection markers (`-{…}-`) pass through untouched in both; the variant
 * converter resolves them afterwards.
 */
import { toText } from 'hast-util-to-text';
import { BodyLimitError, parseWithinLimits } from './limits.ts';
import { markdownProcessor } from './processor.ts';

export interface RenderedBody {
  /** Sanitised HTML for the article page. */
  html: string;
  /** The body's text, one block a line, for summaries and search. */
  text: string;
}

/** Throws a BodyLimitError for a body outside the limits (limits.ts), which `check` reports first. */
export function renderMarkdown(markdown: string): RenderedBody {
  const parsed = parseWithinLimits(markdown);
  if (parsed.tree === undefined) throw new BodyLimitError(parsed.issues);
  const tree = markdownProcessor.runSync(parsed.tree, markdown);
  const text = toText(tree)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return { html: markdownProcessor.stringify(tree), text };
}
