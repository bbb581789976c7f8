/**
 * An article as a list prints it (sidebars, neighbours, related articles): a link with its date and
 * views, without the summary, body and channels. A page's cache key is everything in its props, so
 * an edit to a listed article's text or channels no longer renders again every page that lists it.
 */
import type { VariantArticle } from '../archive/variant.ts';

export type ArticleLink = Pick<VariantArticle, 'url' | 'title' | 'date' | 'views'>;

export const linkTo = ({ url, title, date, views }: VariantArticle): ArticleLink => ({ url, title, date, views });
