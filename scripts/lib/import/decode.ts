/** Bytes of a legacy page to text: UTF-8 only, as the scrape saved them. */
import type { ContentProblem } from '../../../src/lib/content/problems.ts';

/**
 * The text, and a warning where the file ends in the middle of a character: a scrape cut off
 * there (the rest of the file is whole UTF-8) is read up to its last whole character, so the
 * complete articles before the cut are kept.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; warning?: ContentProblem } | { problem: ContentProblem } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    // Streaming: an incomplete character at the very end is held back, not an error (yet).
    text = decoder.decode(bytes, { stream: true });
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
  // A BOM and CRLF line endings come from ordinary Windows editors: accept them.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    decoder.decode();
    return { text };
  } catch {
    const line = text.split('\n').length;
    const message =
      'ends in the middle of a character, as a scrape cut off there does: its last line is read up to its last whole character';
    return { text, warning: { file, line, severity: 'warning', message } };
  }
}
