/**
 * `summarize`: the start of an article's text as a one-line summary of at most `maxChars`
 * characters, ellipsis included. It cuts after the last sentence end (。！？) in the second half of
 * the room, else after the last clause end (；，) there, else between two characters. Characters are
 * grapheme clusters, so an emoji or a surrogate pair is never split. A protection marker (`-{…}-`)
 * is never split either: cut inside, the converter could not resolve it (and its `;` is no clause
 * end); it counts at its written length, an upper bound of what it resolves to.
 */
const ELLIPSIS = '…';
const SENTENCE_END = /^[。！？!?]$/;
const CLAUSE_END = /^[；，;,]$/;
/** A comma between digits (1,000) separates thousands, not clauses. */
const THOUSANDS_COMMA = /\d,\d/;
const MARKER = /-\{[\s\S]*?\}-/g;

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** The text as units that may not be split: markers whole, every other grapheme alone. */
function units(text: string): string[] {
  const out: string[] = [];
  const pushGraphemes = (part: string) => {
    for (const { segment } of graphemes.segment(part)) out.push(segment);
  };
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    pushGraphemes(text.slice(last, match.index));
    out.push(match[0]);
    last = match.index + match[0].length;
  }
  pushGraphemes(text.slice(last));
  return out;
}

const lengthOf = (unit: string): number => [...graphemes.segment(unit)].length;

export function summarize(text: string, maxChars = 120): string {
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new RangeError(`summarize: maxChars must be a whole number of at least 1, got ${maxChars}`);
  }
  const parts = units(text.replace(/\s+/g, ' ').trim());
  const total = parts.reduce((sum, unit) => sum + lengthOf(unit), 0);
  if (total <= maxChars) return parts.join('');

  const room = maxChars - ELLIPSIS.length;
  let used = 0;
  let fits = 0;
  let sentenceCut = 0;
  let clauseCut = 0;
  for (const [i, unit] of parts.entries()) {
    used += lengthOf(unit);
    if (used > room) break;
    fits = i + 1;
    // A break this early would waste most of the room: cutting mid-clause says more.
    if (used * 2 < room) continue;
    if (SENTENCE_END.test(unit)) sentenceCut = fits;
    else if (CLAUSE_END.test(unit) && !THOUSANDS_COMMA.test(`${parts[i - 1] ?? ''}${unit}${parts[i + 1] ?? ''}`)) clauseCut = fits;
  }
  const cut = sentenceCut || clauseCut || fits;
  const kept = parts.slice(0, cut).join('');
  // A clause mark right before the ellipsis reads as a typo ("…，…"); the ellipsis takes its place.
  return (CLAUSE_END.test(kept.at(-1) ?? '') ? kept.slice(0, -1) : kept).trimEnd() + ELLIPSIS;
}
