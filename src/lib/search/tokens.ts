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
 * build). Coded words are matched as written and as prefixes. A text word starting as a token
 * does (`0`, `1`: 00后, 1688) gets a `z` after its first character, in the index and in queries
 * alike (`0z0`, `1z688`); no token has one there (a code's first digit is at most `n`), so a text
 * word is never a token nor the start of one. The start matters: Pagefind, finding no word that a
 * query's token starts, searches the longest indexed word that starts the token instead, and the
 * token of 鸵 (`00v91`), in no article, found every article with the number 00.
 */

/**
 * Characters that show nothing and part nothing a reader sees, as Unicode lists them (zero-width
 * spaces and joiners, the soft hyphen, the BOM, direction marks, variation selectors). Text pasted
 * from chat apps and the web brings them into words (淘\u200b宝): they stay inside a run, and out
 * of its tokens.
 */
const IGNORABLE = '\\p{Default_Ignorable_Code_Point}';
const IGNORABLES = new RegExp(`[${IGNORABLE}]`, 'gu');
const ANY_IGNORABLE = new RegExp(IGNORABLES.source, 'u');
const HAN = '\\p{Script=Han}';
const OTHER = '(?!\\p{Script=Han})[\\p{L}\\p{N}]';

/**
 * A run of Han characters, or of other letters and digits (a Han character is a letter too), with
 * ignorable characters inside it: one pass of the regular expression engine, not a test per character.
 */
const RUN = new RegExp(`(${HAN}(?:[${IGNORABLE}]*${HAN})*)|${OTHER}(?:[${IGNORABLE}]*${OTHER})*`, 'gu');

/** The text without the characters that show nothing inside words (see `IGNORABLE`). */
export const withoutIgnorables = (text: string) => text.replace(IGNORABLES, '');
const asItIs = (text: string) => text;

const MARK = '0';
const WORD_MARK = '1';
const HAN_TOKEN = /^0(?:[0-9a-z]{4}){1,2}$/;
/** How a token starts, so a text word starting so is escaped (see above). */
const TOKEN_START = /^[01]/;
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
  !ASCII.test(word) ? WORD_MARK + [...word].map(codeOf).join('') : TOKEN_START.test(word) ? `${word[0]}z${word.slice(1)}` : word;

export type Run = { kind: 'han'; chars: string[] } | { kind: 'word'; text: string };

/** Han runs and Latin/digit words, in order; everything else only separates them. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const [match, han] of text.matchAll(RUN))
    runs.push(han === undefined ? { kind: 'word', text: withoutIgnorables(match) } : { kind: 'han', chars: [...withoutIgnorables(han)] });
  return runs;
}

/** Whether a token is one of Han characters: a text word is never one (see above). */
export const isHanToken = (token: string) => HAN_TOKEN.test(token);

/** The token of one or two Han characters (卖家, or 货 at the end of a run). */
export const hanToken = (chars: string) => MARK + [...chars].map(codeOf).join('');

const bigrams = (chars: string[]) => chars.slice(1).map((ch, i) => MARK + codeOf(chars[i]!) + codeOf(ch));

/** The words Pagefind indexes for a (normalised) text, space-separated. */
export function indexTokens(normalised: string): string {
  const tokens: string[] = [];
  // Most texts have no ignorable character: their runs are not searched for one each.
  const clean = ANY_IGNORABLE.test(normalised) ? withoutIgnorables : asItIs;
  // runsOf's runs without their arrays: this runs over every article's text.
  for (const [match, han] of normalised.matchAll(RUN)) {
    if (han === undefined) {
      tokens.push(wordToken(clean(match)));
      continue;
    }
    let previous = '';
    for (const ch of clean(han)) {
      const code = codeOf(ch);
      if (previous) tokens.push(MARK + previous + code);
      previous = code;
    }
    tokens.push(MARK + previous);
  }
  return tokens.join(' ');
}

/** What a query part (runs with nothing between them, 京东618) must match (see `partTokens`). */
export interface PartTokens {
  /** Tokens that must occur adjacent and in order. */
  phrase: string[];
  /** The token of a lone Han character ending the part, which matches as a prefix (on its own). */
  prefix?: string;
}

/**
 * The tokens of a query part. A Han run followed by another run ends in its last character's
 * token, as the index writes it there (京东618 → 京东 东 618: without 东, the phrase never met the
 * text). A part ending in a lone Han character has it apart, as a prefix, since a phrase only
 * matches whole tokens (618货: 618, then any token starting with 货).
 */
export function partTokens(runs: Run[]): PartTokens {
  const phrase: string[] = [];
  let prefix: string | undefined;
  for (const [i, run] of runs.entries()) {
    const last = i === runs.length - 1;
    if (run.kind === 'word') phrase.push(wordToken(run.text));
    else if (last && run.chars.length === 1) prefix = hanToken(run.chars[0]!);
    else phrase.push(...bigrams(run.chars), ...(last ? [] : [hanToken(run.chars.at(-1)!)]));
  }
  return { phrase, prefix };
}
