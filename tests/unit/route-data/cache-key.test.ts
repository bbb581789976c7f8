import { describe, expect, it } from 'vitest';
import { articleBody } from '../../../src/lib/archive/variant.ts';
import { pageCacheKey } from '../../../src/lib/route-data/cache-key.ts';
import type { PageFrame } from '../../../src/lib/route-data/frame.ts';

describe('a page key', () => {
  const card = (html: string) => ({ title: '淘宝新规', url: '/articles/a/', body: articleBody(`hash of ${html}`, () => html) });
  const words = { home: '首页' };
  const sidebar = { weeklyHot: [{ title: '本周热门', url: '/articles/b/' }] };
  /** The parts of a frame these tests change; pages share `words` and `sidebar`, as frame.ts makes them. */
  const frame = (parts: object = {}) => ({ title: '经营', words, sidebar, ...parts }) as unknown as PageFrame;

  it('changes with what the page prints, and with its own body', () => {
    const props = { frame: frame(), cards: [card('<p>一</p>')] };
    expect(pageCacheKey({ ...props, frame: frame({ title: '淘宝' }) })).not.toBe(pageCacheKey(props));
    expect(pageCacheKey({ ...props, cards: [{ ...card('<p>一</p>'), title: '新规' }] })).not.toBe(pageCacheKey(props));
    expect(pageCacheKey(props, 'own body')).not.toBe(pageCacheKey(props, 'own body, edited'));
  });

  it('changes with the words and the sidebar it shares with other pages', () => {
    const props = { frame: frame(), cards: [] };
    expect(pageCacheKey({ ...props, frame: frame({ words: { home: '首頁' } }) })).not.toBe(pageCacheKey(props));
    expect(pageCacheKey({ ...props, frame: frame({ sidebar: { weeklyHot: [] } }) })).not.toBe(pageCacheKey(props));
  });

  it('ignores the bodies of the articles it lists, which it does not print, and their hashes, without reading them', () => {
    const before = pageCacheKey({ frame: frame(), cards: [card('<p>一</p>')] }, 'own');
    expect(pageCacheKey({ frame: frame(), cards: [card('<p>一，改过</p>')] }, 'own')).toBe(before);
    const unread = articleBody('hash', () => {
      throw new Error('a body was read for a page key');
    });
    expect(pageCacheKey({ frame: frame(), cards: [{ ...card(''), body: unread }] }, 'own')).toBe(before);
  });
});
