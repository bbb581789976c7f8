/**
 * One variant of the site (zh-Hans or zh-Hant): every word a reader sees, in that script. Articles
 * are converted from the script they were written in; unchanged articles come from the cache.
 */
import { SITE_NAME, type Lang } from '../../consts.ts';
import type { ArchiveDate } from '../dates.ts';
import { hashOf, jsonAsHash } from '../hash.ts';
import { localizeLinks } from '../convert/localize-links.ts';
import { UI, type UiWords } from '../ui-words.ts';
import { articleUrl, channelUrl, feedUrl } from '../urls.ts';
import type { Archive, ArchiveArticle } from './archive.ts';
import type { GlossaryEntry } from '../content/schema.ts';

/** Where converted fields are kept between builds (the build cache): a value by key, computed when missing. */
export interface Memo<V> {
  get(key: string, compute: () => V): V;
}

/** What the variant needs from the converter (src/lib/convert). */
export interface Converter {
  text(text: string, from: Lang, to: Lang, extra?: GlossaryEntry[]): string;
  html(html: string, from: Lang, to: Lang, extra?: GlossaryEntry[]): string;
}

export interface VariantChannel {
  slug: string;
  name: string;
  description?: string;
  url: string;
  feedUrl: string;
}

/** An article's body in one variant: make it with `articleBody`. */
export interface ArticleBody {
  html: string;
  /**
   * The hash of `html`, made once with it (and cached with it): the keys of the pages and search
   * shards that print the body take it instead of hashing the body again, each of them.
   */
  hash: string;
}

/**
 * A body whose HTML `html` gives when asked for (read from the build cache's body store, which
 * holds the bodies a build does not keep in memory). JSON leaves a body out, wherever it is: a
 * page's key (route-data/cache-key.ts) takes its own body by hash only, and a listed article's
 * body is not on the page at all. Left out by `toJSON`, not by a replacer function there: a
 * replacer is called for every value of every page's data (half a second of a 10,000-article
 * build).
 */
export function articleBody(hash: string, html: () => string): ArticleBody {
  // Its own getter, enumerable, so that a body cloned for another thread has its HTML (read then);
  // `toJSON` not enumerable, so that the clone is plain data.
  return Object.defineProperties({ hash } as ArticleBody, {
    [READ_HTML]: { value: html },
    html: { get: storedHtml, enumerable: true },
    toJSON: { value: leftOut },
  });
}

/**
 * Where a body keeps the function that reads its HTML, for the getter every body shares: a getter
 * of each body's own (an object literal's `get html()`) had V8 keep each body as a dictionary, 256
 * bytes, 26 MB of a heap of 430 MB at 50,000 articles (a heap snapshot).
 */
const READ_HTML = Symbol('reads the HTML of the body');

function storedHtml(this: { [READ_HTML]: () => string }): string {
  return this[READ_HTML]();
}

const leftOut = () => undefined;

export interface VariantArticle {
  slug: string;
  url: string;
  title: string;
  summary: string;
  /**
   * Prepared for every article in a whole build, and in a segment build for its own articles only
   * (the others' bodies are on no page it writes): read it with `bodyOf`.
   */
  body?: ArticleBody;
  date: ArchiveDate;
  views: number;
  source?: string;
  channels: VariantChannel[];
  /** As the archive's article (archive.ts): in `npm run dev` only. */
  draft?: true;
}

export interface Variant {
  lang: Lang;
  siteName: string;
  words: UiWords;
  channels: VariantChannel[];
  /** Newest first. */
  articles: VariantArticle[];
  bySlug: Map<string, VariantArticle>;
  merchants: { name: string; rebate: string }[];
}

/** The variant's own view of archive articles (or of any list of slugs), in the same order. */
export function inVariant(variant: Variant, articles: readonly { slug: string }[]): VariantArticle[] {
  return articles.map((a) => variant.bySlug.get(a.slug)!);
}

/** The article's body; an error names the article should a segment build ask for a body it did not prepare. */
export function bodyOf(article: VariantArticle): ArticleBody {
  if (article.body) return article.body;
  throw new Error(
    `the body of ${article.slug} was not prepared: a segment build prepares only the bodies of its own articles (articlesOfSegment, src/lib/search/shards.ts)`,
  );
}

export type ConvertedFields = Pick<VariantArticle, 'title' | 'summary' | 'body' | 'source'>;

/** The articles' bodies in their own script, as HTML, for the variants to convert. */
export interface SourceBodies {
  /** False for an article whose body this build does not prepare. */
  has(a: ArchiveArticle): boolean;
  /** Asked for only where the cache has not got the conversion. */
  html(a: ArchiveArticle): string;
}

/** The archive in `lang`: each article's fields from `cache`, converted from `bodies` where it has not got them. */
export function buildVariant(
  archive: Archive,
  lang: Lang,
  converter: Converter,
  cache: Memo<ConvertedFields>,
  sourceLang: Lang,
  bodies: SourceBodies,
): Variant {
  const ui = (text: string) => converter.text(text, sourceLang, lang);
  const channels = archive.channels.map((c): VariantChannel => ({
    slug: c.slug,
    name: ui(c.name),
    description: c.description === undefined ? undefined : ui(c.description),
    url: channelUrl(lang, c.slug),
    feedUrl: feedUrl(lang, c.slug),
  }));
  const channelBySlug = new Map(channels.map((c) => [c.slug, c]));
  const articles = archive.articles.map((a): VariantArticle => {
    const withBody = bodies.has(a);
    const fields = cache.get(conversionKey(a, lang, withBody), () =>
      convertFields({ ...a, html: withBody ? bodies.html(a) : undefined }, lang, converter),
    );
    // Lists print an article on many pages: in their keys it stands as its hash. Its fields are
    // named, not spread from the conversion's, so that V8 keeps them in the object itself (spread,
    // each of the 100,000 at 50,000 articles had an array of them beside it: 4 MB, a heap snapshot).
    return jsonAsHash({
      slug: a.slug,
      url: articleUrl(lang, a.slug),
      title: fields.title,
      summary: fields.summary,
      source: fields.source,
      body: fields.body,
      date: a.date,
      views: a.views,
      channels: a.channels.map((slug) => channelBySlug.get(slug)!),
      ...(a.draft && { draft: a.draft }),
    });
  });
  return {
    lang,
    siteName: ui(SITE_NAME),
    // On every page: in their keys as its hash.
    words: jsonAsHash(Object.fromEntries(Object.entries(UI).map(([k, v]) => [k, ui(v)])) as UiWords),
    channels,
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    merchants: archive.merchants.map((m) => ({ name: ui(m.name), rebate: ui(m.rebate) })),
  };
}

/** What an article's conversion depends on: its fields and its body HTML (none where the body is not prepared). */
export type ConversionInput = Pick<ArchiveArticle, 'lang' | 'glossary' | 'title' | 'summary' | 'source'> & { html: string | undefined };

/**
 * The build cache's key for an article's fields in `to`, with its body or without. The body is
 * keyed by its Markdown's hash, which its HTML is made from (the cache's version covers the
 * Markdown renderer's code): hashing the HTML of every article in both variants took 0.7 s of each
 * build.
 */
export function conversionKey(a: Omit<ConversionInput, 'html'> & Pick<ArchiveArticle, 'bodyHash'>, to: Lang, withBody: boolean): string {
  const name = withBody ? to : `${to} without body`;
  let keys = conversionKeys.get(a);
  if (keys === undefined) conversionKeys.set(a, (keys = {}));
  return (keys[name] ??= hashOf(
    a.lang,
    to,
    JSON.stringify(a.glossary),
    a.title,
    a.summary,
    a.source ?? '',
    withBody ? a.bodyHash : 'without body',
  ));
}

/**
 * Each article's keys, made once: the site data asks for every key twice (which conversions the
 * cache lacks, then each conversion), and making them took 0.3 s of a 50,000-article edit
 * rebuild's main thread (`node --cpu-prof`). Articles are never changed once made.
 */
const conversionKeys = new WeakMap<object, Record<string, string>>();

export function convertFields(a: ConversionInput, to: Lang, converter: Converter): ConvertedFields {
  // Links to the site's pages keep the reader in the variant they read.
  const html = a.html === undefined ? undefined : localizeLinks(converter.html(a.html, a.lang, to, a.glossary), to);
  return {
    title: converter.text(a.title, a.lang, to, a.glossary),
    summary: converter.text(a.summary, a.lang, to, a.glossary),
    source: a.source === undefined ? undefined : converter.text(a.source, a.lang, to, a.glossary),
    body: html === undefined ? undefined : articleBody(hashOf(html), () => html),
  };
}
