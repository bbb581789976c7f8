/**
 * Characters the zh-Hant pages write for a simplified one only inside words: 了解 is shown as
 * 瞭解, 反复 as 反覆, 坐标 as 座標. Converting 瞭 alone leaves it 瞭, so a reader who searched what
 * the page showed found nothing; the search folds each such pair together (normalise.ts). Derived
 * from the phrases of the dictionaries our converter uses, through that converter, so that they
 * are the forms the pages really show.
 */
import { Locale } from 'opencc-js';
import { dictPairs, INTO } from '../convert/han-script-sets.ts';
import { openccConverter, toSimplified } from '../convert/opencc.ts';

/** A character a zh-Hant page shows, then the simplified one it stands for there (`瞭了`). */
export type PhraseFold = string;

/** One UTF-16 unit: the search's folding keeps every offset (normalise.ts). */
const isUnit = (ch: string) => ch.length === 1;

/**
 * Each pair where a dictionary phrase, converted to zh-Hant, shows a character that converting it
 * back alone does not give the simplified one (瞭 in 瞭解: 瞭 stays 瞭), in code point order.
 */
export function derivePhraseFolds(): PhraseFold[] {
  const config = Locale.configs[INTO['zh-Hant'].config];
  if (!config) throw new Error(`opencc-js has no ${INTO['zh-Hant'].config} configuration`);
  const phrases = config.conversionChain[0]!.flatMap((dict) => dictPairs(dict).map(([source = '']) => source)).filter(
    (p) => [...p].length > 1,
  );
  // One conversion of all of them, a line each: a call per phrase took twice as long.
  const shown = openccConverter('zh-Hans', 'zh-Hant')(phrases.join('\n')).split('\n');
  const folds = new Set<PhraseFold>();
  phrases.forEach((phrase, i) => {
    const [simplified, hant] = [[...phrase], [...shown[i]!]];
    if (simplified.length !== hant.length) return;
    simplified.forEach((ch, j) => {
      const seen = hant[j]!;
      if (seen !== ch && isUnit(ch) && isUnit(seen) && toSimplified(seen) !== ch) folds.add(seen + ch);
    });
  });
  return [...folds].sort();
}
