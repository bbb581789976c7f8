/**
 * Merging copies of one article: clustering copies found in this run (order-independent: union of
 * every pair that `sameArticle` accepts), choosing the copy to keep, and folding a cluster into an
 * article already in content/ without touching what a writer may have edited.
 */
import { CandidateIndex } from './candidate-index.ts';
import { listingHeadline, type Copy } from './copy.ts';
import { markdownText } from './markdown.ts';
import { comparableText, sameArticle } from './similarity.ts';
import { textHash } from './slug.ts';

const comparable = (copy: Copy) => ({ comparable: copy.comparable, epochMs: copy.date.epochMs });

export function clusterCopies(copies: readonly Copy[]): Copy[][] {
  const parent = copies.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const index = new CandidateIndex<number>();
  copies.forEach((copy, i) => {
    for (const j of index.candidates(copy.comparable, copy.date.epochMs)) {
      if (root(i) !== root(j) && sameArticle(comparable(copy), comparable(copies[j]!)) !== undefined) parent[root(i)] = root(j);
    }
    index.add(i, copy.comparable, copy.date.epochMs);
  });
  const clusters = new Map<number, Copy[]>();
  copies.forEach((copy, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), copy]));
  return [...clusters.values()].map((cluster) => cluster.sort(byPreference));
}

/**
 * Which copy's text to keep: simplified over the old site's machine-converted traditional,
 * undamaged over mangled, then the earliest; the hash settles exact ties, so file order never does.
 */
export function byPreference(a: Copy, b: Copy): number {
  return (
    Number(a.lang !== 'zh-Hans') - Number(b.lang !== 'zh-Hans') ||
    a.mangled.length - b.mangled.length ||
    a.date.epochMs - b.date.epochMs ||
    a.hash.localeCompare(b.hash) ||
    a.channel.localeCompare(b.channel) ||
    a.origin.localeCompare(b.origin)
  );
}

export interface MergedMeta {
  /** The kept copy's channel first, then the others in alphabetical order. */
  channels: string[];
  views: number;
  /** The earliest copy's date. */
  date: Copy['date'];
  source?: string;
  hashes: string[];
}

/** What a cluster (sorted by preference) says about its article. */
export function mergedMeta(cluster: readonly Copy[]): MergedMeta {
  const [kept, ...others] = cluster as [Copy, ...Copy[]];
  const earliest = cluster.reduce((a, b) => (b.date.epochMs < a.date.epochMs ? b : a));
  const source = kept.source ?? cluster.find((c) => c.source !== undefined)?.source;
  return {
    channels: [...new Set([kept.channel, ...others.map((c) => c.channel).sort()])],
    views: Math.max(...cluster.map((c) => c.views)),
    date: earliest.date,
    ...(source === undefined ? {} : { source }),
    hashes: [...new Set(cluster.map((c) => c.hash))].sort(),
  };
}

export interface Existing {
  slug: string;
  channels: string[];
  views: number;
  /** Hashes of the copies imported into it before (front-matter `legacy.copies`). */
  hashes: string[];
  comparable: string;
  epochMs: number | undefined;
}

/** The existing article a cluster is a copy of: a known copy hash first, else the most similar. */
export function findExisting(
  cluster: readonly Copy[],
  byHash: ReadonlyMap<string, Existing>,
  index: CandidateIndex<Existing>,
): Existing | undefined {
  for (const copy of cluster) {
    const known = byHash.get(copy.hash);
    if (known) return known;
  }
  let best: { existing: Existing; score: number } | undefined;
  for (const copy of cluster) {
    for (const existing of index.candidates(copy.comparable, copy.date.epochMs)) {
      const score = sameArticle(comparable(copy), { comparable: existing.comparable, epochMs: existing.epochMs ?? Number.NaN });
      if (score !== undefined && (!best || score > best.score || (score === best.score && existing.slug < best.existing.slug))) {
        best = { existing, score };
      }
    }
  }
  return best?.existing;
}

/** Only channels, views and the copy record change: title, summary, body and date are the writer's. */
export function mergeIntoExisting(existing: Existing, meta: MergedMeta): { channels: string[]; views: number; hashes: string[] } {
  return {
    channels: [...new Set([...existing.channels, ...meta.channels])],
    views: Math.max(existing.views, meta.views),
    hashes: [...new Set([...existing.hashes, ...meta.hashes])].sort(),
  };
}

/**
 * Whether the simplified original `kept` takes over an article imported from a traditional copy.
 * Only when no writer touched it: its body is still an imported copy's text (its hash is recorded)
 * and its title and summary are still the ones the importer derives from that text.
 */
export function replacesTraditional(
  article: { data: Record<string, unknown>; body: string },
  hashes: readonly string[],
  kept: Copy,
): boolean {
  if (article.data.lang !== 'zh-Hant' || kept.lang !== 'zh-Hans') return false;
  if (!hashes.includes(textHash(comparableText(article.body)))) return false;
  const derived = listingHeadline(markdownText(article.body));
  return article.data.title === derived.title && article.data.summary === derived.summary;
}
