/**
 * An article as a list prints it (sidebars, neighbours, related articles): a link with its date and
 * views, without the summary, body and channels. A page's cache key is everything in its props, so
 * an edit to a listed article's text or channels no longer renders again every page that lists it.
 */
import type { VariantArticle } from '../archive/variant.ts';
import { jsonAsHash } from '../hash.ts';

export type ArticleLink = Pick<VariantArticle, 'url' | 'title' | 'date' | 'views'>;

const links = new WeakMap<VariantArticle, ArticleLink>();

/** The article's link, made once: an article is linked from many pages, whose keys take it by its hash (../hash.ts). */
export function linkTo(article: VariantArticle): ArticleLink {
  let link = links.get(article);
  if (!link) {
    const { url, title, date, views } = article;
    links.set(article, (link = jsonAsHash({ url, title, date, views })));
  }
  return link;
}
