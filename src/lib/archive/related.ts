/**
 * "Related articles": those sharing the rarest two-character words of the title, found through an
 * inverted index (comparing every pair would be quadratic at 10,000 articles). Titles are compared
 * in one script, so a traditional article relates to its simplified neighbours.
 */
import type { Lang } from '../../consts.ts';
import { toSimplified } from '../convert/opencc.ts';

const CJK = /\p{Script=Han}/u;
/** A bigram in more titles than this says nothing about relatedness (e.g. 电商, 淘宝). */
const MAX_DOCUMENT_FREQUENCY = 50;

function bigrams(title: string): Set<string> {
  const chars = [...title];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (CJK.test(chars[i]!) && CJK.test(chars[i + 1]!)) grams.add(chars[i]! + chars[i + 1]!);
  }
  for (const word of title.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []) grams.add(word);
  return grams;
}

/**
 * For each item (in the given order, newest first), up to `count` related item indices, best first;
 * ties go to the newer one.
 */
export function relatedByTitle(titles: string[], count: number): number[][] {
  const grams = titles.map(bigrams);
  const postings = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  return grams.map((set, i) => {
    const scores = new Map<number, number>();
    for (const g of set) {
      const list = postings.get(g)!;
      if (list.length > MAX_DOCUMENT_FREQUENCY) continue;
      const weight = Math.log(titles.length / list.length);
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, count)
      .map(([j]) => j);
  });
}

/** `relatedByTitle` over the articles' titles, the traditional ones converted to simplified to compare. */
export const relatedArticles = (articles: readonly { lang: Lang; title: string }[], count: number): number[][] =>
  relatedByTitle(
    articles.map((a) => (a.lang === 'zh-Hant' ? toSimplified(a.title) : a.title)),
    count,
  );
