/**
 * Rules for the short texts readers see as written (headlines, summaries, channel and merchant
 * names): no invisible control characters, and something visible left on both variants' pages.
 */
import { LANGS, type Lang } from '../../consts.ts';
import { parseMarkers } from '../convert/markers.ts';

/** U+FDD0–U+FDEF and the last two code points of every plane: Unicode keeps them out of text. */
const NONCHARACTERS = `\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => `\\u{${plane.toString(16)}FFFE}\\u{${plane.toString(16)}FFFF}`).join('')}`;

/**
 * Characters that are never meant in a headline or a line of text: XML 1.0 forbids C0 controls
 * other than tab and newline, noncharacters and lone surrogates (which a YAML escape such as
 * "\ud800" can produce), so they break the feeds; DEL and the C1 controls are invisible and only
 * arrive by paste; the line and paragraph separators (U+2028, U+2029) break a line where nothing
 * shows one; and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) turn the text after them around (反向覆盖 shown as 盖覆向反), into the breadcrumb
 * and the listings.
 */
// With the u flag a surrogate range matches only a lone surrogate: a pair is one code point.
const CONTROL = new RegExp(
  `[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069${NONCHARACTERS}\\uD800-\\uDFFF]`,
  'gu',
);
const ANY_CONTROL = new RegExp(CONTROL.source, 'u');

/**
 * What shows nothing on a page: spaces, the characters Unicode says to draw as nothing (zero-width
 * spaces and joiners, the soft hyphen, the BOM, variation selectors, the Hangul fillers), combining
 * marks with no letter to sit on, and the blank braille pattern.
 */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\p{M}\u2800]/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** "U+0007 at character 3, U+0000 at character 9", counting characters as a writer does (from 1). */
export function describeControlChars(text: string): string | undefined {
  if (!ANY_CONTROL.test(text)) return undefined;
  const found = [...text.matchAll(CONTROL)].map((m) => `${codePoint(m[0])} at character ${[...text.slice(0, m.index)].length + 1}`);
  return found.length === 0 ? undefined : found.join(', ');
}

/** What a page in `lang` shows of `text`: the `-{…}-` markers resolved, nothing converted. */
export function textIn(text: string, lang: Lang): string {
  return parseMarkers(text).map((piece) => {
    if (piece.kind === 'plain') return text.slice(...piece.range);
    if (piece.kind === 'keep') return text.slice(...piece.inner);
    // A choice without this variant's text shows its first text converted (see aligned-convert.ts).
    const range = piece.values[lang] ?? Object.values(piece.values)[0];
    return range ? text.slice(...range) : '';
  }).join('');
}

/** The variants on whose pages `text` shows nothing visible. */
export const emptyIn = (text: string): Lang[] => LANGS.filter((lang) => textIn(text, lang).replace(INVISIBLE, '') === '');
