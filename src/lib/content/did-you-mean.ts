/** The suggestion a message about an unknown name makes, when there is one to make. */
import { closest, distance } from 'fastest-levenshtein';

/**
 * ` (did you mean "channel"?)`: the option nearest `word`, when it is near enough to be a slip of
 * the keyboard (two characters differ, or a third of a longer word's; two letters swapped are
 * two). A far one only misleads: `tags` was "did you mean date?", and a removed channel every
 * other channel's name.
 */
export function didYouMean(word: string, options: readonly string[]): string {
  if (options.length === 0) return '';
  const near = closest(word, [...options]);
  const slips = Math.max(2, Math.floor([...word].length / 3));
  return distance(word.toLowerCase(), near.toLowerCase()) <= slips ? ` (did you mean "${near}"?)` : '';
}
