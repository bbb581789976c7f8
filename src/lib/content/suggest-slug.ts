import { pinyin } from 'pinyin-pro';
import { MAX_SLUG_LENGTH } from './schema.ts';

/**
 * A URL-safe name to suggest for a file whose name isn't one (pinyin for Chinese), at most
 * `maxLength` characters, cut after a whole word where there is one.
 */
export function suggestSlug(name: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const latin = pinyin(name, { toneType: 'none', nonZh: 'consecutive', separator: '-' });
  const slug = latin.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return shorten(slug, maxLength) || 'article';
}

function shorten(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.lastIndexOf('-', maxLength);
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength)).replace(/-+$/, '');
}
