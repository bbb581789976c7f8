/** Bytes of a legacy page to text: UTF-8 only, as the scrape saved them. */
import type { ContentProblem } from '../../../src/lib/content/problems.ts';

export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { problem: ContentProblem } {
  try {
    // A BOM and CRLF line endings come from ordinary Windows editors: accept them.
    const text = new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    return { text };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0)).split('\n').length;
    return {
      problem: {
        file,
        line,
        message: 'is not UTF-8 text: convert it first (e.g. iconv -f GBK -t UTF-8 page.txt > page.utf8.txt)',
      },
    };
  }
}
