/**
 * The archive as the site presents it, before conversion: published articles newest first, each
 * channel's list, and the relations computed from them (neighbours, related, hot lists). Derived
 * data lives here, never written back into the articles.
 */
import type { Lang } from '../../consts.ts';
import type { ArchiveDate } from '../dates.ts';
import type { Channel, Merchant } from '../content/schema.ts';
import type { GlossaryEntry } from '../content/schema.ts';
import { hottestOfNewestWeek, newestFirst } from './order.ts';

export interface ArchiveArticle {
  slug: string;
  file: string;
  title: string;
  summary: string;
  /**
   * The hash of the article's Markdown (the site data's build cache key). Its HTML is not kept
   * here: the variants are made from it (variant.ts `htmlOf`) and hold their own, and a third copy
   * of every body stayed in memory for the whole build (0.5 GB at 50,000 articles).
   */
  bodyHash: string;
  date: ArchiveDate;
  /** Channel slugs; the first is the article's home channel (its prev/next). */
  channels: string[];
  views: number;
  source?: string;
  lang: Lang;
  glossary: GlossaryEntry[];
  /** A draft, which only `npm run dev` shows (a build leaves drafts out): its pages say so. */
  draft?: true;
}

export interface Archive {
  channels: Channel[];
  merchants: Merchant[];
  /** Published articles, newest first. */
  articles: ArchiveArticle[];
  byChannel: Map<string, ArchiveArticle[]>;
  /** In the home channel: the older (上一篇) and newer (下一篇) article. */
  neighbours: Map<string, { older?: ArchiveArticle; newer?: ArchiveArticle }>;
  related: Map<string, ArchiveArticle[]>;
  /** 每周热门: the most viewed articles of the archive's newest week. */
  weeklyHot: ArchiveArticle[];
  /** 一周热门排行 per channel (its own newest week), and for the whole archive under ''. */
  weeklyRanking: Map<string, ArchiveArticle[]>;
}

export const RELATED_COUNT = 5;
export const WEEKLY_HOT_COUNT = 6;
export const RANKING_COUNT = 10;

/**
 * For each article of `sorted` (newest first), up to `count` indices of the articles related to it,
 * best first: `relatedByTitle` (./related.ts) over titles in one script, or its result kept from
 * the last build.
 */
export type RelatedIndices = (sorted: ArchiveArticle[], count: number) => number[][];

export function buildArchive(channels: Channel[], merchants: Merchant[], articles: ArchiveArticle[], relatedOf: RelatedIndices): Archive {
  const sorted = [...articles].sort(newestFirst);

  const byChannel = new Map<string, ArchiveArticle[]>(channels.map((c) => [c.slug, []]));
  for (const a of sorted) for (const c of a.channels) byChannel.get(c)?.push(a);

  const neighbours = new Map<string, { older?: ArchiveArticle; newer?: ArchiveArticle }>();
  // Walking each list once (not indexOf per article, quadratic in a channel's size).
  for (const [slug, list] of byChannel) {
    list.forEach((a, i) => {
      if (a.channels[0] === slug) neighbours.set(a.slug, { newer: list[i - 1], older: list[i + 1] });
    });
  }

  const relatedIndices = relatedOf(sorted, RELATED_COUNT + 2);
  const related = new Map<string, ArchiveArticle[]>();
  sorted.forEach((a, i) => {
    const { older, newer } = neighbours.get(a.slug)!;
    const candidates = relatedIndices[i]!.map((j) => sorted[j]!).filter((b) => b !== older && b !== newer);
    related.set(a.slug, candidates.slice(0, RELATED_COUNT));
  });

  const weeklyRanking = new Map<string, ArchiveArticle[]>([['', hottestOfNewestWeek(sorted, RANKING_COUNT)]]);
  for (const [slug, list] of byChannel) weeklyRanking.set(slug, hottestOfNewestWeek(list, RANKING_COUNT));

  return {
    channels,
    merchants,
    articles: sorted,
    byChannel,
    neighbours,
    related,
    weeklyRanking,
    weeklyHot: hottestOfNewestWeek(sorted, WEEKLY_HOT_COUNT),
  };
}
