import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withView } from '../../../src/lib/search/fragment.ts';
import { decodeCborFile, decodeJsonFile, encodeCborFile, encodeJsonFile, type Meta } from '../../../src/lib/search/pagefind-files.ts';

describe('Pagefind fragments', () => {
  const fragment = {
    url: '/taobao-fahuo/',
    content: '갂졨 갂긺',
    word_count: 2,
    filters: { channel: ['taobao'] },
    meta: { image: 'x.png' },
    anchors: [],
  };

  it('read back what they were written as', async () => {
    expect(decodeJsonFile(await encodeJsonFile(fragment), 'a.pf_fragment')).toEqual(fragment);
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
    expect(() => decodeJsonFile(gzipSync('{"url":"/"}'), 'en_1.pf_fragment')).toThrow('en_1.pf_fragment is not a Pagefind file');
  });
});

describe('Pagefind index files', () => {
  const payload = (file: Buffer) => gunzipSync(file).subarray('pagefind_dcd'.length);

  it('read back what they were written as', async () => {
    const meta: Meta = ['1.6.0', [['0-0', 12, '']], [['a', 'b', 'und_1']], [], [['date', [0]]], []];
    expect(decodeCborFile(await encodeCborFile(meta), 'm')).toEqual(meta);
  });

  it('are plain CBOR, as minicbor writes and reads it: definite arrays, text, integers', async () => {
    // An array of one word: ["w", [[3, [-26, 300]]]]; -26 is a weight change, 300 a position.
    expect([...payload(await encodeCborFile(['w', [[3, [-26, 300]]]]))]).toEqual([
      0x82, 0x61, 0x77, 0x81, 0x82, 0x03, 0x82, 0x38, 0x19, 0x19, 0x01, 0x2c,
    ]);
  });
});
