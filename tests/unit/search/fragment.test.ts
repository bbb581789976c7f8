import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment, withView } from '../../../src/lib/search/fragment.ts';

describe('Pagefind fragments', () => {
  const fragment = {
    url: '/taobao-fahuo/',
    content: '갂졨 갂긺',
    word_count: 2,
    filters: { channel: ['taobao'] },
    meta: { image: 'x.png' },
    anchors: [],
  };

  it('read back what they were written as', () => {
    expect(decodeFragment(encodeFragment(fragment), 'a.pf_fragment')).toEqual(fragment);
  });

  it('take a variant view and keep Pagefind fields', () => {
    const view = {
      url: '/zh-hant/articles/taobao-fahuo/',
      content: '淘寶發貨',
      meta: { title: '發貨', date: '2019-03-01', channels: '淘寶' },
    };
    expect(withView(fragment, view)).toEqual({
      ...fragment,
      url: view.url,
      content: '淘寶發貨',
      meta: { image: 'x.png', title: '發貨', date: '2019-03-01', channels: '淘寶' },
    });
  });

  it('name a file that is not one', () => {
    expect(() => decodeFragment(gzipSync('{"url":"/"}'), 'en_1.pf_fragment')).toThrow('en_1.pf_fragment is not a Pagefind fragment');
  });
});
