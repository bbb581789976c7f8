/**
 * Slugs: lower-case ASCII from pinyin. An article's slug is the pinyin of the first words of its
 * title plus a short hash of its normalised text, so it depends on the content alone (not on the
 * order files are given in) and two articles with similar openings still get different slugs.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';

const MAX_WORDS_LENGTH = 48;
const HASH_LENGTH = 6;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const ascii = (text: string) =>
  pinyin(toSimplified(text), { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');

/** 经营 → jingying, 淘寶 → taobao. */
export const channelSlug = (name: string): string => ascii(name);

/** Hex digest of a comparable text: identifies one copy of an article across runs. */
export const textHash = (comparable: string): string => createHash('sha256').update(comparable).digest('hex').slice(0, 16);

/** `wo-xiangxin-wanggou-yijing-chengwei-3f9a2c`; a longer hash when `taken` holds the short one. */
export function articleSlug(title: string, hash: string, taken: (slug: string) => boolean): string {
  let words = '';
  for (const { segment, isWordLike } of segmenter.segment(title)) {
    const word = isWordLike ? ascii(segment) : '';
    if (word === '') continue;
    const next = words === '' ? word : `${words}-${word}`;
    if (next.length > MAX_WORDS_LENGTH) break;
    words = next;
  }
  for (let length = HASH_LENGTH; length <= hash.length; length += 2) {
    const slug = words === '' ? `article-${hash.slice(0, length)}` : `${words}-${hash.slice(0, length)}`;
    if (!taken(slug)) return slug;
  }
  throw new Error(`no free slug for "${title}": every length of hash ${hash} is taken`);
}
