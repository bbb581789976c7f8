/**
 * RSS feeds: the items, and the XML as text every feed reader can parse. Feed readers render an
 * item's `<description>` as HTML, so a summary, which is text, goes in as escaped HTML: a
 * `<script>` or `<img onerror>` in it is shown as written, never rendered.
 */
import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import { toHtml } from 'hast-util-to-html';
import type { VariantArticle } from '../archive/variant.ts';

export const FEED_SIZE = 50;

/** `text` as HTML that shows exactly that text. */
export const htmlOfText = (text: string): string =>
  toHtml({ type: 'text', value: text }, { characterReferences: { useNamedReferences: true } });

export function feedItems(articles: VariantArticle[]): RSSFeedItem[] {
  return articles.slice(0, FEED_SIZE).map((a) => ({
    title: a.title,
    link: a.url,
    pubDate: new Date(a.date.epochMs),
    description: htmlOfText(a.summary),
    categories: a.channels.map((c) => c.name),
  }));
}

/**
 * Characters XML 1.0 allows nowhere, not even escaped (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF): one in any title would make the whole feed unreadable. `check`
 * rejects them in content; this keeps the feed well-formed whatever reaches it.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const withoutCharsXmlForbids = (text: string): string => text.replace(NOT_IN_XML, '');

/** The feed as Astro's endpoint response. */
export async function feedResponse(feed: RSSOptions): Promise<Response> {
  return new Response(withoutCharsXmlForbids(await getRssString(feed)), { headers: { 'Content-Type': 'application/xml' } });
}
