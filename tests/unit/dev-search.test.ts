/** `npm run dev` serves the last build's search files: only files inside dist/, whatever the URL says. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchFile } from '../../src/integrations/dev-search.ts';

describe('searchFile', () => {
  const dist = path.resolve('/site/dist');

  it('finds a bundle file, in the zh-Hant bundle and in an older volume too', () => {
    expect(searchFile(dist, '/pagefind/pagefind.js')).toBe(path.join(dist, 'pagefind/pagefind.js'));
    expect(searchFile(dist, '/zh-hant/pagefind/v0/index/abc.pf_index')).toBe(path.join(dist, 'zh-hant/pagefind/v0/index/abc.pf_index'));
  });

  it('names nothing outside dist/, a sibling folder named like it included', () => {
    for (const url of ['/pagefind/../../dist-old/secret', '/pagefind/%2e%2e/%2e%2e/etc/passwd', '/pagefind/../..', '/pagefind/%E0%A4%A']) {
      expect(searchFile(dist, url), url).toBeUndefined();
    }
  });
});
