/** What the site keeps of a rendered article body (the build cache holds it): HTML and default summary. */
import { renderMarkdown } from '../markdown/render.ts';
import { summarize } from '../markdown/summarize.ts';

export interface PreparedBody {
  html: string;
  summary: string;
}

export function prepareBody(markdown: string): PreparedBody {
  const { html, text } = renderMarkdown(markdown);
  return { html, summary: summarize(summaryHead(text)) };
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
/** Twice what a summary holds (120), in code units, so at least that in graphemes for ordinary text. */
const SUMMARY_HEAD = 240;
/** More graphemes than the summary and the one after its cut that `summarize` looks at. */
const SUMMARY_MIN_GRAPHEMES = 130;

/**
 * `summarize` segments its whole input (~12 µs a character: 12 ms for a 1,000-character head,
 * 3x the Markdown rendering of the article) but keeps only its start: give it a start that cuts
 * the same, one with enough graphemes and no protection marker (-{…}-) left open at its end.
 */
export function summaryHead(text: string): string {
  if (text.length <= SUMMARY_HEAD) return text;
  const head = text.slice(0, SUMMARY_HEAD);
  const markerOpen = head.lastIndexOf('-{') > head.lastIndexOf('}-');
  let count = 0;
  for (const _ of graphemes.segment(head)) if (++count >= SUMMARY_MIN_GRAPHEMES) break;
  return markerOpen || count < SUMMARY_MIN_GRAPHEMES ? text : head;
}
