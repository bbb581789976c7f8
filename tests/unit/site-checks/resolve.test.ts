import { describe, expect, it } from 'vitest';
import { isPageIndependent, resolveUrl, type Target } from '../../../scripts/lib/site-checks/resolve.ts';

const ORIGIN = 'https://archive.yiqihui.example';
const internal = (path: string, fragment?: string): Target => ({ kind: 'internal', path, fragment });

describe('resolveUrl', () => {
  it.each<[string, string, Target]>([
    ['/articles/a/', '/jingying/8/', internal('/articles/a/')],
    ['../9/', '/jingying/8/', internal('/jingying/9/')],
    ['9/', '/jingying/8/', internal('/jingying/8/9/')],
    ['x.html', '/404.html', internal('/x.html')],
    ['?page=2', '/jingying/8/', internal('/jingying/8/')],
    ['#comments', '/articles/a/', internal('/articles/a/', 'comments')],
    ['#', '/articles/a/', internal('/articles/a/')],
    ['/a/?q=1#%E8%AF%84%E8%AE%BA', '/', internal('/a/', '评论')],
    ['/articles/%E4%B8%AD%E6%96%87/', '/', internal('/articles/中文/')],
    ['/articles/中文/', '/', internal('/articles/中文/')],
    [`${ORIGIN}/og.png`, '/zh-hant/', internal('/og.png')],
    ['//archive.yiqihui.example/x/', '/', internal('/x/')],
    ['\\articles\\a\\', '/jingying/8/', internal('/articles/a/')],
    ['https://archive.yiqihui.example:8443/x/', '/', { kind: 'external' }],
    ['http://archive.yiqihui.example/x/', '/', { kind: 'external' }],
    ['https://example.com/', '/', { kind: 'external' }],
    ['mailto:editor@example.com', '/', { kind: 'external' }],
    ['javascript:void(0)', '/', { kind: 'external' }],
    ['data:image/png;base64,AAAA', '/', { kind: 'external' }],
    ['http://[bad/', '/', { kind: 'invalid', reason: 'is not a valid URL' }],
    ['/%E4%ZZ/', '/', { kind: 'invalid', reason: 'has a malformed percent-escape (% must be followed by two hex digits of UTF-8)' }],
  ])('%s on %s', (url, page, target) => expect(resolveUrl(url, page, ORIGIN)).toEqual(target));
});

describe('isPageIndependent', () => {
  it.each([
    ['/a/', true],
    ['/', true],
    ['https://x.example/', true],
    ['mailto:a@b', true],
    ['//cdn.example/x', true],
    ['\\x\\', true],
    ['a/', false],
    ['../a/', false],
    ['#x', false],
    ['?q', false],
    ['', false],
  ])('%j → %s', (url, independent) => expect(isPageIndependent(url)).toBe(independent));
});
