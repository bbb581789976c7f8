/** Which script a page is in: traditional when OpenCC would change a share of its Han characters. */
import type { Lang } from '../../../src/consts.ts';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';

/**
 * Simplified text has almost no characters OpenCC would convert; the old site's traditional pages
 * (a character-by-character conversion) have one in five or more. 5% sits well between the two.
 */
const TRADITIONAL_SHARE = 0.05;

export function detectLang(text: string): Lang {
  const chars = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  if (chars.length === 0) return 'zh-Hans';
  const converted = [...toSimplified(chars.join(''))];
  const changed =
    converted.length === chars.length
      ? chars.filter((c, i) => c !== converted[i]).length
      : chars.filter((c) => toSimplified(c) !== c).length;
  return changed / chars.length >= TRADITIONAL_SHARE ? 'zh-Hant' : 'zh-Hans';
}
