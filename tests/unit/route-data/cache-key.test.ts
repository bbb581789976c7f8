import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '../../../src/lib/route-data/cache-key.ts';

describe('a page key', () => {
  const card = (html: string) => ({ title: '淘宝新规', url: '/articles/a/', html, htmlHash: `hash of ${html}` });

  it('changes with what the page prints, and with its own body', () => {
    const props = { title: '经营', cards: [card('<p>一</p>')] };
    expect(pageCacheKey({ ...props, title: '淘宝' })).not.toBe(pageCacheKey(props));
    expect(pageCacheKey(props, 'own body')).not.toBe(pageCacheKey(props, 'own body, edited'));
  });

  it('ignores the bodies of the articles it lists, which it does not print, and their hashes', () => {
    const before = pageCacheKey({ cards: [card('<p>一</p>')] }, 'own');
    expect(pageCacheKey({ cards: [card('<p>一，改过</p>')] }, 'own')).toBe(before);
  });
});
