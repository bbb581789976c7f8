import { describe, expect, it } from 'vitest';
import { extractPage, type Reference } from '../../../scripts/lib/site-checks/extract.ts';

const ref = (via: string, url: string, navigates = false): Reference => ({ via, url, navigates });

describe('extractPage', () => {
  it.each<[string, string, Reference[]]>([
    [
      'hyperlinks navigate',
      '<a href="/a/">a</a><map><area href="b/" alt="b"></map>',
      [ref('a href', '/a/', true), ref('area href', 'b/', true)],
    ],
    [
      'head resources',
      '<link rel="stylesheet" href="/s.css"><script src="/a.js"></script><link rel="canonical" href="https://o.example/x/">',
      [ref('link href', '/s.css'), ref('script src', '/a.js'), ref('link href', 'https://o.example/x/')],
    ],
    [
      'images, srcset candidates and media',
      '<img src="/a.png" srcset="/a.png 1x, /a-2x.png 2x"><picture><source srcset="/w.webp 100w"></picture><video src="/v.mp4" poster="/p.jpg"></video>',
      [
        ref('img src', '/a.png'),
        ref('img srcset', '/a.png'),
        ref('img srcset', '/a-2x.png'),
        ref('source srcset', '/w.webp'),
        ref('video src', '/v.mp4'),
        ref('video poster', '/p.jpg'),
      ],
    ],
    ['a srcset URL with a comma', '<img srcset="/a,b.png 1x">', [ref('img srcset', '/a,b.png')]],
    [
      'meta content only when it is an absolute URL',
      '<meta property="og:image" content="https://o.example/og.png"><meta name="viewport" content="width=device-width"><meta name="x" content="/not-a-url">',
      [ref('meta content', 'https://o.example/og.png')],
    ],
    ['entities are decoded', '<a href="/q/?a=1&amp;b=2">q</a>', [ref('a href', '/q/?a=1&b=2', true)]],
    [
      'forms and inline SVG',
      '<form action="/search/"></form><svg><use href="#icon"></use></svg>',
      [ref('form action', '/search/', true), ref('use href', '#icon')],
    ],
    ['attributes that are not URLs', '<a title="/x/">x</a><div data-href="/y/"></div><p src="/z/">', []],
  ])('%s', (_, html, references) => expect(extractPage(html).references).toEqual(references));

  it('collects ids and <a name> anchors, the targets of fragments', () => {
    expect(extractPage('<h2 id="评论">x</h2><a name="old"></a><p name="not-an-anchor" id="p1"></p>').ids).toEqual(
      new Set(['评论', 'old', 'p1']),
    );
  });

  it.each(['', '<a href="', '<<<>>>', '\u0000\uffff<img src=>', '<a href="/x/">unclosed', '<constructor href="x">', '<img srcset=",, ,">'])(
    'does not throw on malformed HTML %j',
    (html) => {
      expect(() => extractPage(html)).not.toThrow();
    },
  );
});
