/**
 * A reader's query, planned for Pagefind. The query is split at spaces and punctuation into parts
 * that must each occur in the article as written (618大促 is one part: 618 right before 大促). A part
 * becomes a quoted phrase, which Pagefind matches only as adjacent whole words (a lone Latin word
 * stays unquoted, to match as a prefix);
 * Pagefind takes one phrase per search, so a query of several parts runs one search per part and the
 * results are intersected.
 */
import { normalise, type ScriptMap } from './normalise.ts';
import { isHanToken, partTokens, runsOf, withoutIgnorables } from './tokens.ts';

/** `bigram`: our own tokens (the default); `pagefind`: Pagefind's built-in Chinese segmentation. */
export type Segmentation = 'bigram' | 'pagefind';

export interface QueryPlan {
  /** One Pagefind query string per part; every one must match. Empty when there is nothing to find. */
  searches: string[];
  /** The parts as folded text, for highlighting in the excerpt. */
  needles: string[];
}

/** What a query's parts are made of: letters and digits (punctuation and emoji only part them). */
const WORD_CHAR = '\\p{L}\\p{N}';
const PART_BREAK = new RegExp(`[^${WORD_CHAR}]+`, 'u');
const ANY_WORD_CHAR = new RegExp(`[${WORD_CHAR}]`, 'u');

/** Whether a query has anything to find. */
export const hasWords = (query: string) => ANY_WORD_CHAR.test(query);

export function planQuery(query: string, map: ScriptMap, segmentation: Segmentation): QueryPlan {
  // A zero-width space pasted inside a word does not part it (tokens.ts `IGNORABLE`).
  const parts = withoutIgnorables(normalise(query, map)).split(PART_BREAK).filter(Boolean);
  if (segmentation === 'pagefind') return { searches: parts.length ? [parts.join(' ')] : [], needles: parts };
  const searches: string[] = [];
  for (const part of parts) {
    const { phrase, prefix } = partTokens(runsOf(part));
    // Quoted, even a single Han token: Pagefind matches a quoted word only as it is, while a word
    // it does not find unquoted is searched again as its longest prefix it does find (by design),
    // so 火箭 found articles with 火 at a run's end. A single Latin word stays unquoted, so that
    // iphon still finds iphone.
    const oneWord = phrase.length === 1 && !isHanToken(phrase[0]!);
    if (phrase.length > 0) searches.push(oneWord ? phrase[0]! : `"${phrase.join(' ')}"`);
    if (prefix) searches.push(prefix);
  }
  return { searches: [...new Set(searches)], needles: parts };
}
