/**
 * What Pagefind indexes, built from the site's data (never from rendered pages): one record per
 * article, so navigation, sidebars, listings and the search page itself are never indexed.
 *
 * Both variants index the same folded simplified text, so Pagefind runs once: its records carry
 * only what is the same in both scripts (tokens, channel slugs, date). What a reader sees — URL,
 * title, channel names, the text the excerpt is cut from — is written into each variant's copy of
 * the fragments afterwards (`fragmentFor`).
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { bodyOf, type VariantArticle } from '../archive/variant.ts';
import { normalise, type ScriptMap } from './normalise.ts';
import type { Segmentation } from './query.ts';
import { indexTokens } from './tokens.ts';
import { CHANNEL_SEPARATOR, DATE_SORT } from './config.ts';

/**
 * The language Pagefind is told. With our tokens it must not be `zh` (Pagefind would segment the
 * tokens again) nor one with a stemmer (which would cut them): `und`, undetermined, has neither.
 * Latin words are then matched as written (and as prefixes), not stemmed.
 */
export const INDEX_LANGUAGE: Record<Segmentation, string> = { bigram: 'und', pagefind: 'zh' };

export interface SearchRecord {
  /** The article's slug as a path: the key its fragment is found by, in every variant. */
  url: string;
  content: string;
  language: string;
  filters: { channel: string[] };
  sort: { [DATE_SORT]: string };
}

/** What a variant's fragment holds for an article (Pagefind's fragment fields we set). */
export interface FragmentView {
  url: string;
  /** The readable text, in the variant's script: the search page cuts its excerpt from it. */
  content: string;
  meta: { title: string; date: string; channels: string };
}

/** What the search shows and folds of an article: its body as plain text, whitespace collapsed. */
export const articleText = (html: string) =>
  toText(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();

/** The folded text that is indexed for an article: title and body text, in one script. */
export const indexedText = (title: string, text: string, map: ScriptMap) => normalise(`${title}\n${text}`, map);

/** The record key of an article: the same in every variant. */
export const recordUrl = (slug: string) => `/${slug}/`;

/**
 * What an article's search record is made from: the indexing threads make the records (text,
 * folding, tokens: 1.6 ms an article), not the thread that renders the pages.
 */
export interface RecordSource {
  slug: string;
  title: string;
  /** The body's HTML in the source variant. */
  html: string;
  channels: string[];
  epochMs: number;
}

export const recordSource = (article: VariantArticle): RecordSource => ({
  slug: article.slug,
  title: article.title,
  html: bodyOf(article).html,
  channels: article.channels.map((c) => c.slug),
  epochMs: article.date.epochMs,
});

/** How records are made: the same for every shard of a build. */
export interface RecordOptions {
  map: ScriptMap;
  segmentation: Segmentation;
}

/** The record Pagefind indexes for an article; `text`: its body's text, if extracted already. */
export function searchRecord(source: RecordSource, { map, segmentation }: RecordOptions, text = articleText(source.html)): SearchRecord {
  const folded = indexedText(source.title, text, map);
  return {
    url: recordUrl(source.slug),
    content: segmentation === 'bigram' ? indexTokens(folded) : folded,
    language: INDEX_LANGUAGE[segmentation],
    // Slugs, not names: the filter index is shared by both scripts.
    filters: { channel: source.channels },
    sort: { [DATE_SORT]: String(source.epochMs) },
  };
}

/** The article as one variant's search results show it. */
export function fragmentFor(article: VariantArticle, text: string): FragmentView {
  return {
    url: article.url,
    content: text,
    meta: { title: article.title, date: article.date.day, channels: article.channels.map((c) => c.name).join(CHANNEL_SEPARATOR) },
  };
}
