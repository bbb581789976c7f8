/**
 * The excerpt under a result: the article's readable text around the first place a query part
 * occurs, every occurrence in that window marked. Matching is done on folded text (see
 * normalise.ts), which has the same offsets as the text shown.
 */
import { normalise, type ScriptMap } from './normalise.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export function buildExcerpt(text: string, needles: string[], map: ScriptMap, radius = 50): ExcerptPart[] {
  const folded = normalise(text, map);
  const found = needles.map((n) => folded.indexOf(n)).filter((i) => i >= 0);
  const first = found.length ? Math.min(...found) : 0;
  let start = Math.max(0, first - radius);
  let end = Math.min(text.length, first + radius * 2);
  // Never cut a surrogate pair in half.
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  if (/[\udc00-\udfff]/.test(text[end] ?? '')) end++;

  const marks: Array<[number, number]> = [];
  for (const needle of needles.filter(Boolean)) {
    for (let i = folded.indexOf(needle, start); i >= 0 && i < end; i = folded.indexOf(needle, i + needle.length)) {
      marks.push([i, Math.min(end, i + needle.length)]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);

  const parts: ExcerptPart[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to), mark });
  };
  let at = start;
  for (const [from, to] of marks) {
    if (from < at) continue; // overlapping occurrences: the first one wins
    push(at, from, false);
    push(from, to, true);
    at = to;
  }
  push(at, end, false);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
