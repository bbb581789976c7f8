/**
 * Pagefind records built from the site's data (never from rendered pages): one per article, so
 * navigation, sidebars, listings and the search page itself are never indexed. Both variants index
 * the same folded simplified text (the zh-Hans variant's), so a query finds the same articles on
 * either; what a reader sees (title, channels, excerpt text) is in the page's own script.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Variant } from '../archive/variant.ts';
import { normalise, type ScriptMap } from './normalise.ts';
import type { Segmentation } from './query.ts';
import { indexTokens } from './tokens.ts';
import { CHANNEL_SEPARATOR } from './config.ts';

/**
 * The language Pagefind is told. With our tokens it must not be `zh` (Pagefind would segment the
 * tokens again); `en` keeps them whole and stems Latin words the same way at index and query time.
 */
export const INDEX_LANGUAGE: Record<Segmentation, string> = { bigram: 'en', pagefind: 'zh' };

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: { title: string; date: string; channels: string };
  filters: { channel: string[] };
  sort: { date: string };
}

/** What the search shows and folds of an article: its body as plain text, whitespace collapsed. */
export const articleText = (html: string) => toText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();

/** The folded text that is indexed for an article: title and body text, in one script. */
export const indexedText = (title: string, text: string, map: ScriptMap) => normalise(`${title}\n${text}`, map);

/** A record and the readable text shown in its excerpt (see config.ts `textFile`). */
export interface SearchEntry {
  record: SearchRecord;
  text: string;
}

/**
 * One entry per article of the variant. `indexed` is the folded text per slug (the same for every
 * variant), `texts` the variant's readable text per slug.
 */
export function searchEntries(
  variant: Variant, indexed: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>, segmentation: Segmentation,
): SearchEntry[] {
  return variant.articles.map((a) => {
    const folded = indexed.get(a.slug);
    const text = texts.get(a.slug);
    if (folded === undefined || text === undefined) throw new Error(`search: no text for article "${a.slug}"`);
    return {
      record: {
        url: a.url,
        content: segmentation === 'bigram' ? indexTokens(folded) : folded,
        language: INDEX_LANGUAGE[segmentation],
        meta: { title: a.title, date: a.date.day, channels: a.channels.map((c) => c.name).join(CHANNEL_SEPARATOR) },
        filters: { channel: a.channels.map((c) => c.name) },
        sort: { date: String(a.date.epochMs) },
      },
      text,
    };
  });
}
