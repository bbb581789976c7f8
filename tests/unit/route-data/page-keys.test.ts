import { describe, expect, it, vi } from 'vitest';
import { pageCacheKey } from '../../../src/lib/route-data/cache-key.ts';
import { keyedPage, PageKeys } from '../../../src/lib/route-data/page-keys.ts';
import { parsePageKeys } from '../../../src/integrations/site-data/page-keys-file.ts';

const props = { title: '淘宝新规' };
const key = pageCacheKey(props, 'body-1');

describe('a page key kept from the last build', () => {
  it('is kept for the same page printing the same body, and for no other', () => {
    const keys = new PageKeys('v1', [['/articles/a/', key, 'body-1']]);
    expect(keys.last('/articles/a/', 'body-1')).toEqual(['/articles/a/', key, 'body-1']);
    expect(keys.last('/articles/a/', 'body-2')).toBeUndefined();
    expect(keys.last('/articles/b/', 'body-1')).toBeUndefined();
  });

  it('is found whatever the order the pages are asked for in, and handed on as it was', () => {
    const last = ['/a/', '/b/', '/c/', '/d/'].map((path) => [path, `key${path}`, ''] as const);
    const keys = new PageKeys('v1', last);
    // The last build's order, then a page it did not have, then out of order.
    for (const path of ['/a/', '/new/', '/c/', '/b/', '/d/']) keyedPage(keys, path, '', () => ({ path }));
    expect(keys.entries()).toEqual([last[0], ['/new/', pageCacheKey({ path: '/new/' }), ''], last[2], last[1], last[3]]);
    expect(keys.entries()[2]).toBe(last[2]);
    expect(keys.kept).toBe(4);
  });

  it("spares the page's props until it is rendered, and makes them once", () => {
    const keys = new PageKeys('v1', [['/articles/a/', key, 'body-1']]);
    const makeProps = vi.fn(() => props);
    const page = keyedPage(keys, '/articles/a/', 'body-1', makeProps)!;
    expect(page.cacheKey).toBe(key);
    expect(makeProps).not.toHaveBeenCalled();
    expect(page.props).toBe(page.props);
    expect(page.props).toEqual(props);
    expect(makeProps).toHaveBeenCalledTimes(1);
    expect(keys.kept).toBe(1);
  });

  it('is made from the props where the body changed, or with no keys at all', () => {
    const keys = new PageKeys('v1', [['/articles/a/', key, 'body-1']]);
    const edited = { title: '淘宝新规，改过' };
    const makeProps = vi.fn(() => edited);
    const page = keyedPage(keys, '/articles/a/', 'body-2', makeProps)!;
    expect(page.cacheKey).toBe(pageCacheKey(edited, 'body-2'));
    expect(page.props).toBe(edited);
    expect(makeProps).toHaveBeenCalledTimes(1);
    expect(keyedPage(undefined, '/articles/a/', 'body-2', () => edited)?.cacheKey).toBe(pageCacheKey(edited, 'body-2'));
    expect(keys.kept).toBe(0);
  });

  it('is handed on to the next build with the keys made now', () => {
    const keys = new PageKeys('v1', [
      ['/articles/a/', key, 'body-1'],
      ['/articles/gone/', 'old', ''],
    ]);
    keyedPage(keys, '/articles/a/', 'body-1', () => props);
    keyedPage(keys, '/jingying/', '', () => props);
    expect(keys.entries()).toEqual([
      ['/articles/a/', key, 'body-1'],
      ['/jingying/', pageCacheKey(props), ''],
    ]);
  });

  it('leaves out the pages the page store takes, keeping their keys for the next build', () => {
    const edited = { title: '淘宝新规，改过' };
    const offered: [string, string][] = [];
    const stored = new Set([key]);
    const keys = new PageKeys('v1', [['/articles/a/', key, 'body-1']], false, (path, cacheKey) => {
      offered.push([path, cacheKey]);
      return stored.has(cacheKey);
    });
    const makeProps = vi.fn(() => props);
    expect(keyedPage(keys, '/articles/a/', 'body-1', makeProps)).toBeUndefined();
    expect(makeProps).not.toHaveBeenCalled();
    const rendered = keyedPage(keys, '/articles/b/', 'body-2', () => edited);
    expect(rendered?.props).toBe(edited);
    expect(offered).toEqual([
      ['/articles/a/', key],
      ['/articles/b/', pageCacheKey(edited, 'body-2')],
    ]);
    expect(keys.entries()).toEqual([
      ['/articles/a/', key, 'body-1'],
      ['/articles/b/', pageCacheKey(edited, 'body-2'), 'body-2'],
    ]);
  });

  it('checked, is made from the props as well, and stops the build naming the page if it differs', () => {
    const checked = new PageKeys('v1', [['/articles/a/', key, 'body-1']], true);
    const makeProps = vi.fn(() => props);
    const page = keyedPage(checked, '/articles/a/', 'body-1', makeProps)!;
    expect(page.cacheKey).toBe(key);
    expect(page.props).toBe(props);
    expect(makeProps).toHaveBeenCalledTimes(1);
    expect(checked.kept).toBe(1);
    const stale = new PageKeys('v1', [['/articles/a/', 'stale', 'body-1']], true);
    expect(() => keyedPage(stale, '/articles/a/', 'body-1', () => props)).toThrow(/\/articles\/a\/.*data version/);
  });
});

describe('the list of the last build’s keys', () => {
  const text = JSON.stringify({ version: 'v1', pages: [['/articles/a/', key, 'body-1']] });

  it('gives its keys under the version it was written under', () => {
    expect(parsePageKeys(text, 'v1')).toEqual([['/articles/a/', key, 'body-1']]);
  });

  it('gives none under another version, or damaged', () => {
    expect(parsePageKeys(text, 'v2')).toEqual([]);
    for (const damaged of [
      text.slice(0, -3),
      'null',
      JSON.stringify({ version: 'v1' }),
      JSON.stringify({ version: 'v1', pages: {} }),
      JSON.stringify({ version: 'v1', pages: [['/articles/a/', key]] }),
      JSON.stringify({ version: 'v1', pages: [['/articles/a/', key, 3]] }),
    ]) {
      expect(parsePageKeys(damaged, 'v1'), damaged).toEqual([]);
    }
  });
});
