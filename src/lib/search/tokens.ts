/**
 * Our own segmentation for Pagefind: exact-substring search over Chinese text.
 *
 * Each run of Han characters becomes its overlapping bigrams plus its last character alone
 * (卖家发货 → 卖家 家发 发货 货), so that any string of two or more characters is a phrase of
 * adjacent bigrams, and any single character starts some token (Pagefind matches a lone query word
 * as a prefix). Latin letters and digits form words of their own.
 *
 * Pagefind's search splits every Han character of a query into a word of its own, which would undo
 * the bigrams; so each Han character is written as two Hangul syllables (a letter script that
 * Pagefind keeps whole, and that no stemmer touches). Hangul in the source text is dropped so that it
 * can never collide with that encoding (the archive is Chinese).
 */

const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const WORD = /[\p{L}\p{N}]/u;
const HANGUL_BASE = 0xac00;
const HANGUL_COUNT = 11172;

/** One Han character (a code point) as two Hangul syllables. */
export function encodeHan(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return String.fromCharCode(HANGUL_BASE + Math.floor(cp / HANGUL_COUNT), HANGUL_BASE + (cp % HANGUL_COUNT));
}

export type Run = { kind: 'han'; chars: string[] } | { kind: 'word'; text: string };

/** Han runs and Latin/digit words, in order; everything else only separates them. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of text) {
    const kind = HAN.test(ch) ? 'han' : WORD.test(ch) && !HANGUL.test(ch) ? 'word' : undefined;
    if (kind === undefined) {
      current = undefined;
      continue;
    }
    if (current?.kind !== kind) {
      current = kind === 'han' ? { kind, chars: [] } : { kind, text: '' };
      runs.push(current);
    }
    if (current.kind === 'han') current.chars.push(ch);
    else current.text += ch;
  }
  return runs;
}

const bigrams = (chars: string[]) => chars.slice(1).map((ch, i) => encodeHan(chars[i]!) + encodeHan(ch));

/** The words Pagefind indexes for a (normalised) text, space-separated. */
export function indexTokens(normalised: string): string {
  const tokens: string[] = [];
  for (const run of runsOf(normalised)) {
    if (run.kind === 'word') tokens.push(run.text);
    else tokens.push(...bigrams(run.chars), encodeHan(run.chars.at(-1)!));
  }
  return tokens.join(' ');
}

/** The words a query run must match, adjacent and in order (a lone character matches as a prefix). */
export function queryTokens(run: Run): string[] {
  if (run.kind === 'word') return [run.text];
  return run.chars.length === 1 ? [encodeHan(run.chars[0]!)] : bigrams(run.chars);
}
