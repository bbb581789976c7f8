/**
 * Recognising copies of one article. Copies differ in script, in the old converter's leaked
 * pinyin and in runs mangled by an encoding error, so texts are compared in one script with
 * punctuation and spacing dropped, by edit distance: a damaged run costs only its own length.
 */
import { distance } from 'fastest-levenshtein';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';
import { removeLeakedPinyin } from './leaked-pinyin.ts';

/** Two texts this similar are one article whatever their dates (a repost). */
export const SAME_TEXT = 0.9;
/** With the same date-time, damaged copies still count as one article down to this. */
export const SAME_TEXT_SAME_TIME = 0.7;

export function comparableText(text: string): string {
  return toSimplified(removeLeakedPinyin(text.normalize('NFKC')))
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}

/** 1 for equal texts, 0 for nothing in common: 1 - edit distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

export interface Comparable {
  comparable: string;
  epochMs: number;
}

/** The similarity if the two are one article, else undefined. */
export function sameArticle(a: Comparable, b: Comparable): number | undefined {
  const needed = a.epochMs === b.epochMs ? SAME_TEXT_SAME_TIME : SAME_TEXT;
  const [short, long] = [a.comparable.length, b.comparable.length].sort((x, y) => x - y) as [number, number];
  // The length ratio bounds the similarity: skip the edit distance when it can't reach the bar.
  if (long === 0 || short / long < needed) return undefined;
  const score = similarity(a.comparable, b.comparable);
  return score >= needed ? score : undefined;
}
