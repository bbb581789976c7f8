import { pinyin } from 'pinyin-pro';

/** A URL-safe name to suggest for a file whose name isn't one (pinyin for Chinese). */
export function suggestSlug(name: string): string {
  const latin = pinyin(name, { toneType: 'none', nonZh: 'consecutive', separator: '-' });
  const slug = latin.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'article';
}
