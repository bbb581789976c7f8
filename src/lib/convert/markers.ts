/**
 * MediaWiki-style protection markers in writers' text:
 *   `-{一起惠}-`                     never converted;
 *   `-{zh-hans:信息;zh-hant:資訊}-`  the zh-Hans page shows 信息, the zh-Hant page 資訊.
 * Variant tags are case-insensitive; zh-cn/zh-sg/zh-my are aliases of zh-hans and zh-tw/zh-hk/zh-mo
 * of zh-hant. Markers do not nest: the first `}-` closes. An unclosed `-{` protects the rest of the
 * text (a summary cut short must not show a stray `-{`); `findMarkerProblems` reports it.
 */
import type { Lang } from '../../consts.ts';

/** A range of the source: [start, end). */
export type Range = readonly [start: number, end: number];

export type Piece =
  /** Ordinary text, converted. */
  | { kind: 'plain'; range: Range }
  /** `-{…}-`: `inner` is shown as written; the rest of `outer` (the markers) disappears. */
  | { kind: 'keep'; outer: Range; inner: Range; closed: boolean }
  /** `-{zh-hans:…;zh-hant:…}-`: the value for the target script is shown, the rest disappears. */
  | { kind: 'choice'; outer: Range; values: Partial<Record<Lang, Range>>; closed: boolean };

const OPEN = '-{';
const CLOSE = '}-';
const TAG_OF: Record<string, Lang> = {
  'zh-hans': 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'zh-my': 'zh-Hans',
  'zh-hant': 'zh-Hant',
  'zh-tw': 'zh-Hant',
  'zh-hk': 'zh-Hant',
  'zh-mo': 'zh-Hant',
};
/** A variant label at the start of a choice's part: `zh-hans:` (spaces allowed around it). */
export const LABEL = /^\s*(zh-[a-z]+)\s*:/i;
/** Where a choice's parts are separated: a `;` followed by a label, so `;` may appear in values. */
const SEPARATOR = /;(?=\s*zh-[a-z]+\s*:)/gi;
/** MediaWiki allows a `;` after the last value. */
const TRAILING_SEPARATOR = /;\s*$/;

/** Split `text` into plain text and markers, in order, covering every character. */
export function parseMarkers(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (let open = text.indexOf(OPEN); open !== -1; open = text.indexOf(OPEN, at)) {
    if (open > at) pieces.push({ kind: 'plain', range: [at, open] });
    const close = text.indexOf(CLOSE, open + OPEN.length);
    const innerEnd = close === -1 ? text.length : close;
    at = close === -1 ? text.length : close + CLOSE.length;
    pieces.push(markerPiece(text, [open, at], [open + OPEN.length, innerEnd], close !== -1));
  }
  if (at < text.length) pieces.push({ kind: 'plain', range: [at, text.length] });
  return pieces;
}

function markerPiece(text: string, outer: Range, inner: Range, closed: boolean): Piece {
  const content = text.slice(inner[0], inner[1]);
  const first = LABEL.exec(content);
  if (!first || !TAG_OF[first[1]!.toLowerCase()]) return { kind: 'keep', outer, inner, closed };
  const choices = content.replace(TRAILING_SEPARATOR, '');
  const values: Partial<Record<Lang, Range>> = {};
  let partStart = 0;
  for (const part of choices.split(SEPARATOR)) {
    const label = LABEL.exec(part);
    const lang = label && TAG_OF[label[1]!.toLowerCase()];
    if (label && lang) {
      const value = trimmed(part, label[0].length, part.length);
      values[lang] ??= [inner[0] + partStart + value[0], inner[0] + partStart + value[1]];
    }
    partStart += part.length + 1;
  }
  return { kind: 'choice', outer, values, closed };
}

/** The range of `s.slice(start, end)` without surrounding white space. */
function trimmed(s: string, start: number, end: number): Range {
  while (start < end && /\s/.test(s[start]!)) start++;
  while (end > start && /\s/.test(s[end - 1]!)) end--;
  return [start, end];
}
