/**
 * Rules for the short texts readers see as written (headlines, summaries, channel and merchant
 * names): no invisible control characters, and something visible left on both variants' pages.
 */
import { LANGS, type Lang } from '../../consts.ts';
import { parseMarkers } from '../convert/markers.ts';

/**
 * Characters that are never meant in a headline and that break the feeds: XML 1.0 forbids C0
 * controls other than tab and newline, U+FFFE, U+FFFF and lone surrogates (which a YAML escape
 * such as "\ud800" can produce); DEL and the C1 controls are invisible and only arrive by paste.
 */
// With the u flag a surrogate range matches only a lone surrogate: a pair is one code point.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
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
