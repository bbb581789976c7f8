/**
 * The OpenCC converters, one per direction per process: building one costs ~0.2 s.
 * `cn`↔`tw` (not `twp`, whose phrase rewrites break ordinary sentences; not `t`, which emits
 * OpenCC's internal forms such as 喫 and 麪).
 */
import * as OpenCC from 'opencc-js';
import type { Lang } from '../../consts.ts';

type Convert = (text: string) => string;
const cache = new Map<string, Convert>();

/** The raw OpenCC converter from one script to the other (identity when they are the same). */
export function openccConverter(from: Lang, to: Lang): Convert {
  if (from === to) return (text) => text;
  const key = `${from}>${to}`;
  let convert = cache.get(key);
  if (!convert) {
    convert = from === 'zh-Hans' ? OpenCC.Converter({ from: 'cn', to: 'tw' }) : OpenCC.Converter({ from: 'tw', to: 'cn' });
    cache.set(key, convert);
  }
  return convert;
}

/** Traditional → simplified with OpenCC alone: for comparing texts, not for publishing. */
export const toSimplified: Convert = (text) => openccConverter('zh-Hant', 'zh-Hans')(text);
