import { describe, expect, it } from 'vitest';
import { localizeLinks } from '../../../src/lib/convert/localize-links.ts';

describe('localizeLinks', () => {
  it.each([
    ['an article', '<a href="/articles/fine/">文</a>', '<a href="/zh-hant/articles/fine/">文</a>'],
    ['a channel page with a query and an anchor', '<a href="/jingying/2/?a=1#x">频道</a>', '<a href="/zh-hant/jingying/2/?a=1#x">频道</a>'],
    ['the home page', '<a href="/">首页</a>', '<a href="/zh-hant/">首页</a>'],
    ['a feed', '<a href="/jingying/rss.xml">订阅</a>', '<a href="/zh-hant/jingying/rss.xml">订阅</a>'],
    ['a link with other attributes first', '<a title="t" href="/articles/a/">a</a>', '<a title="t" href="/zh-hant/articles/a/">a</a>'],
  ])('takes %s to the zh-Hant page', (_, html, expected) => {
    expect(localizeLinks(html, 'zh-Hant')).toBe(expected);
  });

  it.each([
    ['a file from public/', '<a href="/images/a.png">图</a>'],
    ['a link that names a variant', '<a href="/zh-hant/articles/a/">繁</a>'],
    ['another host', '<a href="https://www.jd.com/" rel="noopener noreferrer">京东</a>'],
    ['a protocol-relative URL', '<a href="//evil.example/">x</a>'],
    ['a relative link (already resolves in the variant)', '<a href="../fine/">x</a>'],
    ['an in-page anchor', '<a href="#user-content-fn-1">1</a>'],
    ['an image', '<img src="/articles/a/" alt="">'],
    ['text that looks like a link', '<p>href="/articles/a/"</p>'],
  ])('leaves %s alone', (_, html) => {
    expect(localizeLinks(html, 'zh-Hant')).toBe(html);
  });

  it('changes nothing for the source variant', () => {
    const html = '<a href="/articles/fine/">文</a>';
    expect(localizeLinks(html, 'zh-Hans')).toBe(html);
  });
});
