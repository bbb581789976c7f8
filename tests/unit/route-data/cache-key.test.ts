import { describe, expect, it } from 'vitest';
import { articleBody } from '../../../src/lib/archive/variant.ts';
import { pageCacheKey } from '../../../src/lib/route-data/cache-key.ts';
import { jsonAsHash } from '../../../src/lib/hash.ts';
import type { PageFrame } from '../../../src/lib/route-data/frame.ts';

describe('a page key', () => {
  const card = (html: string) => ({ title: '淘宝新规', url: '/articles/a/', body: articleBody(`hash of ${html}`, () => html) });
  const words = jsonAsHash({ home: '首页' });
  const sidebar = jsonAsHash({ weeklyHot: [jsonAsHash({ title: '本周热门', url: '/articles/b/' })] });
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
    expect(pageCacheKey({ ...props, frame: frame({ words: jsonAsHash({ home: '首頁' }) }) })).not.toBe(pageCacheKey(props));
    expect(pageCacheKey({ ...props, frame: frame({ sidebar: jsonAsHash({ weeklyHot: [] }) }) })).not.toBe(pageCacheKey(props));
    // A shared part inside a shared part: the sidebar's link.
    const renamed = jsonAsHash({ weeklyHot: [jsonAsHash({ title: '本周热门，改过', url: '/articles/b/' })] });
    expect(pageCacheKey({ ...props, frame: frame({ sidebar: renamed }) })).not.toBe(pageCacheKey(props));
  });

  it('takes a shared part by its hash: the same for equal parts, whoever made them, and short', () => {
    const link = () => jsonAsHash({ title: '淘宝新规', url: '/articles/a/', views: 3 });
    expect(pageCacheKey({ frame: frame(), cards: [link()] })).toBe(pageCacheKey({ frame: frame(), cards: [link()] }));
    const many = jsonAsHash(Array.from({ length: 100 }, (_, i) => ({ title: `第${i}篇`.repeat(20) })));
    expect(JSON.stringify({ many }).length).toBeLessThan(50);
    // An array stays distinct from an object with the same fields.
    expect(JSON.stringify(jsonAsHash(['a']))).not.toBe(JSON.stringify(jsonAsHash({ 0: 'a' })));
    // A copy for another thread is plain data again, also once the hash is made.
    const hashed = link();
    const hash = JSON.stringify(hashed);
    expect(structuredClone(hashed)).toEqual({ title: '淘宝新规', url: '/articles/a/', views: 3 });
    expect({ ...hashed }).toEqual({ title: '淘宝新规', url: '/articles/a/', views: 3 });
    // Made once: the part is not read again (build data does not change).
    hashed.views = 4;
    expect(JSON.stringify(hashed)).toBe(hash);
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
