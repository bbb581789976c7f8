import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, HEADERS_FILE } from '../../src/lib/headers.ts';
import { headersFor, parseHeadersFile } from '../helpers/static-server.ts';

describe('the Content-Security-Policy', () => {
  it('is strict: no inline code, only this origin, WebAssembly for search, no framing', () => {
    expect(CSP_HEADER).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });

  it('in <meta> is the same policy less what only a header can say', () => {
    expect(CSP_META).toBe(CSP_HEADER.replace("frame-ancestors 'none'; ", ''));
  });

  it.each(['/', '/zh-hant/articles/a/', '/_astro/x.js', '/pagefind/index/x.pf_index'])('is what _headers gives %s', (urlPath) => {
    expect(headersFor(parseHeadersFile(HEADERS_FILE), urlPath).get('Content-Security-Policy')).toBe(CSP_HEADER);
  });
});
