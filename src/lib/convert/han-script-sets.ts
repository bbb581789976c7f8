/**
 * Which characters belong to one script only, derived from OpenCC's own dictionaries (the ones
 * opencc-js ships) rather than from a hand list, so the check and the converter always agree.
 *
 * A character is wrong in zh-Hant when the zh-Hans→zh-Hant converter changes it on its own and
 * never writes it in any dictionary phrase either (发 is wrong; 后 is not, 皇后 keeps it). Likewise
 * the other way (髮 is wrong in zh-Hans; 著 is not, 著名 keeps it).
 */
import { Locale } from 'opencc-js';
import type { Lang } from '../../consts.ts';
import { openccConverter } from './opencc.ts';
import { WRONG_SCRIPT_CHARS } from './wrong-script-chars.generated.ts';

export interface CharSet {
  has(codePoint: number): boolean;
}

/**
 * The OpenCC configuration converting *into* each script, and how many of its dictionary groups
 * are keyed by the other script: s2tw's second group only swaps traditional variants (僞→偽), and
 * an HK writer's 僞 is not simplified.
 */
export const INTO: Record<Lang, { config: string; sourceGroups: number }> = {
  'zh-Hant': { config: 's2tw', sourceGroups: 1 },
  'zh-Hans': { config: 'tw2s', sourceGroups: 2 },
};
const cache = new Map<Lang, CharSet>();

/**
 * The characters that must not appear in text of `lang` outside protected text: as derived when
 * opencc-js was installed (wrong-script-chars.generated.ts). Deriving them took 0.3 s of every
 * build process, the main thread's and each worker's; a unit test derives them again and fails,
 * saying what to run, when opencc-js has changed since.
 */
export function wrongScriptChars(lang: Lang): CharSet {
  let set = cache.get(lang);
  if (!set) {
    set = charSetOf(WRONG_SCRIPT_CHARS[lang]);
    cache.set(lang, set);
  }
  return set;
}

function charSetOf(chars: string): CharSet {
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x10000) bmp[cp] = 1;
    else astral.add(cp);
  }
  return { has: (cp) => (cp < 0x10000 ? bmp[cp] === 1 : astral.has(cp)) };
}

/** The characters wrong in `lang` as OpenCC's dictionaries say, in code point order. */
export function deriveWrongScriptChars(lang: Lang): string {
  // Text in `lang` is wrong when it holds characters the conversion *into* `lang` removes.
  const { config: name, sourceGroups } = INTO[lang];
  const config = Locale.configs[name];
  if (!config) throw new Error(`opencc-js has no ${name} configuration`);
  const convert = openccConverter(lang === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans', lang);
  const written = new Set<string>();
  const candidates = new Set<string>();
  config.conversionChain.forEach((group, index) => {
    for (const dict of group) {
      for (const [source = ''] of dictPairs(dict)) {
        if (index < sourceGroups && [...source].length === 1) candidates.add(source);
        for (const ch of convert(source)) written.add(ch);
      }
    }
  });
  const wrong = [...candidates].filter((ch) => !written.has(ch) && convert(ch) !== ch);
  return wrong.sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

/** A dictionary of opencc-js's as its pairs: a source text, then what it is converted to. */
export function dictPairs(dict: unknown): string[][] {
  if (typeof dict === 'string') return dict === '' ? [] : dict.split('|').map((line) => line.split(' '));
  return dict as string[][];
}
