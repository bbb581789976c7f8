/**
 * A reader's query, planned for Pagefind. The query is split at spaces and punctuation into parts
 * that must each occur in the article as written (618大促 is one part: 618 right before 大促). A part
 * with more than one token becomes a quoted phrase, which Pagefind matches only as adjacent words;
 * Pagefind takes one phrase per search, so a query of several parts runs one search per part and the
 * results are intersected.
 */
import { normalise, type ScriptMap } from './normalise.ts';
import { queryTokens, runsOf } from './tokens.ts';

/** `bigram`: our own tokens (the default); `pagefind`: Pagefind's built-in Chinese segmentation. */
export type Segmentation = 'bigram' | 'pagefind';

export interface QueryPlan {
  /** One Pagefind query string per part; every one must match. Empty when there is nothing to find. */
  searches: string[];
  /** The parts as folded text, for highlighting in the excerpt. */
  needles: string[];
}

export function planQuery(query: string, map: ScriptMap, segmentation: Segmentation): QueryPlan {
  const parts = normalise(query, map)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (segmentation === 'pagefind') return { searches: parts.length ? [parts.join(' ')] : [], needles: parts };
  const searches: string[] = [];
  for (const part of parts) {
    const runs = runsOf(part);
    // A lone Han character only matches as a prefix, which a quoted phrase cannot do: such a run
    // stands on its own instead of in the phrase (a rare, slightly looser match).
    const lone = runs.filter((r) => r.kind === 'han' && r.chars.length === 1);
    const phrase = runs.filter((r) => !lone.includes(r)).flatMap(queryTokens);
    if (phrase.length > 1) searches.push(`"${phrase.join(' ')}"`);
    else if (phrase.length === 1) searches.push(phrase[0]!);
    searches.push(...lone.flatMap(queryTokens));
  }
  return { searches: [...new Set(searches)], needles: parts };
}
