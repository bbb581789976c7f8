/** Structured data for search engines. */
import type { VariantArticle } from '../archive/variant.ts';
import { absolute } from './frame.ts';

/** What describes an article to search engines and link previews: its summary, or, where it has none (pictures only, no words), its headline. */
export const articleDescription = (article: VariantArticle) => article.summary || article.title;

/** schema.org NewsArticle, serialised safely for a `<script type="application/ld+json">`. */
export function newsArticleJsonLd(article: VariantArticle, lang: string, siteName: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: articleDescription(article),
    datePublished: article.date.iso,
    inLanguage: lang,
    url: absolute(article.url),
    mainEntityOfPage: absolute(article.url),
    articleSection: article.channels.map((c) => c.name),
    publisher: { '@type': 'Organization', name: siteName },
    ...(article.source ? { sourceOrganization: { '@type': 'Organization', name: article.source } } : {}),
    interactionStatistic: {
      '@type': 'InteractionCounter',
      interactionType: 'https://schema.org/ReadAction',
      userInteractionCount: article.views,
    },
  };
  // `<` escaped so that no text in the data can close the script element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
