import { describe, expect, it } from 'vitest';
import { textFile } from '../../src/lib/search/config.ts';

describe('textFile', () => {
  it.each([
    ['/articles/taobao-fahuo/', 'text/taobao-fahuo.txt'],
    ['/zh-hant/articles/taobao-fahuo/', 'text/taobao-fahuo.txt'],
    ['http://127.0.0.1:8080/zh-hant/articles/a-1/', 'text/a-1.txt'],
  ])('%s → %s', (url, file) => expect(textFile(url)).toBe(file));

  it('names the URL it cannot use', () => {
    expect(() => textFile('/')).toThrow('"/"');
  });
});
