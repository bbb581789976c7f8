/**
 * Our own segmentation for Pagefind: exact-substring search over Chinese text.
 *
 * Each run of Han characters becomes its overlapping bigrams plus its last character alone
 * (卖家发货 → 卖家 家发 发货 货), so that any string of two or more characters is a phrase of
 * adjacent bigrams, and any single character starts some token (Pagefind matches a lone query word
 * as a prefix). Latin letters and digits form words of their own.
 *
 * Pagefind's search splits every Han character of a query into a word of its own, which would undo
 * the bigrams; so each Han character is written as its code point in four base-36 digits, and a
 * token is `0` and one or two such codes (发货 → 00gk10rvr). The tokens are indexed without a
 * stemmer (records.ts `INDEX_LANGUAGE`), which would cut them.
 *
 * A word of other letters than ASCII's (한국어, straße, がんばる) is written the same way: `1` and
 * its characters' codes. Every token is then lower-case ASCII, which Pagefind keys as written, so
 * our own code writes the shards as Pagefind would (shard-index.ts). Pagefind keys other words by a
 * form of its own (한국어 by its decomposed jamo, café by cafe) and keeps the word as written
 * beside it, which the reader index's merge does not read (an article with café stopped the
 * build). Coded words are matched as written and as prefixes. A text word of the shape of a token
 * gets one more `0`, in the index and in queries alike, so that it never meets a token.
 */

/**
 * A run of Han characters, or of other letters and digits (a Han character is a letter too):
 * one pass of the regular expression engine, not a test per character.
 */
const RUN = /(\p{Script=Han}+)|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const MARK = '0';
const WORD_MARK = '1';
/** The shape of a Han token or a coded word; a text word of this shape is escaped (see above). */
const TOKEN_SHAPE = /^(?:0(?:[0-9a-z]{4}){1,2}|1(?:[0-9a-z]{4})+)$/;
const ASCII = /^[\0-\x7f]*$/;

/** A character's code point as four base-36 digits (36^4 is above the last code point). */
export function encodeHan(ch: string): string {
  return ch.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** Each character's code, once: an archive has a few thousand characters in millions of tokens. */
const codes = new Map<string, string>();
const codeOf = (ch: string) => {
  let code = codes.get(ch);
  if (code === undefined) codes.set(ch, (code = encodeHan(ch)));
  return code;
};

/** A text word's token (see above). */
const wordToken = (word: string) =>
  !ASCII.test(word) ? WORD_MARK + [...word].map(codeOf).join('') : TOKEN_SHAPE.test(word) ? `0${word}` : word;

export type Run = { kind: 'han'; chars: string[] } | { kind: 'word'; text: string };

/** Han runs and Latin/digit words, in order; everything else only separates them. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const [match, han] of text.matchAll(RUN))
    runs.push(han === undefined ? { kind: 'word', text: match } : { kind: 'han', chars: [...han] });
  return runs;
}

/** The token of one or two Han characters (卖家, or 货 at the end of a run). */
export const hanToken = (chars: string) => MARK + [...chars].map(codeOf).join('');

const bigrams = (chars: string[]) => chars.slice(1).map((ch, i) => MARK + codeOf(chars[i]!) + codeOf(ch));

/** The words Pagefind indexes for a (normalised) text, space-separated. */
export function indexTokens(normalised: string): string {
  const tokens: string[] = [];
  // runsOf's runs without their arrays: this runs over every article's text.
  for (const [match, han] of normalised.matchAll(RUN)) {
    if (han === undefined) {
      tokens.push(wordToken(match));
      continue;
    }
    let previous = '';
    for (const ch of han) {
      const code = codeOf(ch);
      if (previous) tokens.push(MARK + previous + code);
      previous = code;
    }
    tokens.push(MARK + previous);
  }
  return tokens.join(' ');
}

/** The words a query run must match, adjacent and in order (a lone character matches as a prefix). */
export function queryTokens(run: Run): string[] {
  if (run.kind === 'word') return [wordToken(run.text)];
  return run.chars.length === 1 ? [hanToken(run.chars[0]!)] : bigrams(run.chars);
}
