/**
 * Finding characters of the wrong script: simplified-only characters in zh-Hant text and
 * traditional-only ones in zh-Hans text (sets derived from OpenCC's dictionaries).
 */
import type { Lang } from '../../consts.ts';
import { parseMarkers, type Range } from './markers.ts';
import { wrongScriptChars } from './han-script-sets.ts';

export interface WrongScript {
  char: string;
  /** UTF-16 offset in the text. */
  index: number;
  /** A few characters either side, to find the place. */
  context: string;
}

const CONTEXT_CHARS = 8;

/** Whether `text` holds any character that does not belong in `lang`. */
export function hasWrongScript(text: string, lang: Lang): boolean {
  return firstWrong(text, lang, 0, text.length) !== -1;
}

/**
 * Every wrong-script character in `text`, outside protection markers (`-{…}-`, whose content is
 * shown as written) and outside the `allowed` terms (glossary forms the site writes on purpose).
 */
export function findWrongScript(text: string, lang: Lang, allowed: Iterable<string> = []): WrongScript[] {
  const found: WrongScript[] = [];
  const plain = text.includes('-{')
    ? parseMarkers(text).flatMap((p) => (p.kind === 'plain' ? [p.range] : []))
    : [[0, text.length] as Range];
  for (const [start, end] of plain) {
    for (
      let i = firstWrong(text, lang, start, end);
      i !== -1;
      i = firstWrong(text, lang, i + (text.codePointAt(i)! > 0xffff ? 2 : 1), end)
    ) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      found.push({ char, index: i, context: text.slice(Math.max(0, i - CONTEXT_CHARS), i + char.length + CONTEXT_CHARS) });
    }
  }
  if (found.length === 0) return found;
  const covered = allowedRanges(text, allowed);
  return found.filter((f) => !covered.some(([s, e]) => f.index >= s && f.index < e));
}

function firstWrong(text: string, lang: Lang, start: number, end: number): number {
  const wrong = wrongScriptChars(lang);
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (wrong.has(cp)) return i;
    if (cp > 0xffff) i++;
  }
  return -1;
}

function allowedRanges(text: string, allowed: Iterable<string>): Range[] {
  const ranges: Range[] = [];
  for (const term of allowed) {
    if (term === '') continue;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
  }
  return ranges;
}
