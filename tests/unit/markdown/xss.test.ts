import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/markdown/index.ts';
import { unsafeParts } from './unsafe-html.ts';
import { XSS_VECTOR_LISTS } from './xss-vectors.ts';

/** Every way a vector can reach the renderer in a body: raw HTML, and inside Markdown syntax. */
const EMBEDDINGS: Record<string, (vector: string) => string> = {
  'raw HTML block': (v) => v,
  'raw HTML inline': (v) => `正文 ${v} 正文`,
  'link destination': (v) => `[链接](${v})`,
  'link destination in <>': (v) => `[链接](<${v}>)`,
  'link text': (v) => `[${v}](https://example.com/)`,
  'image source': (v) => `![图片](${v})`,
  'image source in <>': (v) => `![图片](<${v}>)`,
  'image alt': (v) => `![${v}](/a.png)`,
  autolink: (v) => `<${v}>`,
  'reference definition': (v) => `[链接][r] ![图片][r]\n\n[r]: <${v}> "${v}"`,
  'table cell': (v) => `| a |\n| - |\n| ${v} |`,
};

/** Markdown-specific ways to the same places, written for this project. */
const MARKDOWN_VECTORS = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>x</details>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<p style="position:fixed;inset:0">cover the page</p>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<table><td background="javascript:alert(1)">x</td></table>',
  '*<img src=x onerror=alert(1)>*',
  '`<script>` <script>alert(1)</script>',
  '-{<script>alert(1)</script>}-',
];

const LISTS = { ...XSS_VECTOR_LISTS, 'markdown-specific (ours)': MARKDOWN_VECTORS };

describe('the unsafe-HTML check itself', () => {
  it.each([
    ['<script>alert(1)</script>', '<script> element'],
    ['<img src=x onerror=alert(1)>', 'onerror on <img>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'href="jav\\tascript:alert(1)" on <a>'],
    ['<a href=" JAVASCRIPT:alert(1)">x</a>', 'href=" JAVASCRIPT:alert(1)" on <a>'],
    ['<img src="data:image/png;base64,AA">', 'src="data:image/png;base64,AA" on <img>'],
    ['<svg><a xlink:href="vbscript:x">x</a></svg>', 'xlink:href="vbscript:x" on <a>'],
    ['<button formaction="javascript:x">x</button>', 'formaction="javascript:x" on <button>'],
    ['<p style="color:red">x</p>', 'style on <p>'],
    ['<iframe src="https://example.com/"></iframe>', '<iframe> element'],
    ['<link rel=stylesheet href=x>', '<link> element'],
  ])('flags %s', (html, finding) => {
    expect(unsafeParts(html)).toContain(finding);
  });

  it('passes what the renderer is meant to keep', () => {
    expect(unsafeParts('<p><a href="https://example.com/" rel="noopener noreferrer">x</a><img src="/a.png" alt=""></p>')).toEqual([]);
  });
});

describe.each(Object.entries(LISTS))('XSS vectors from %s', (_list, vectors) => {
  it('has vectors to try', () => {
    expect(vectors.length).toBeGreaterThan(20);
  });

  it.each(vectors.map((vector, i) => [i + 1, vector] as const))('vector %i is harmless in every embedding: %s', (_n, vector) => {
    const problems = Object.entries(EMBEDDINGS).flatMap(([how, embed]) =>
      unsafeParts(renderMarkdown(embed(vector)).html).map((problem) => `${how}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});

it('the vendored lists are complete (line counts as in their packages)', () => {
  expect(XSS_VECTOR_LISTS['owasp-rsnake.xss']).toHaveLength(169);
  expect(XSS_VECTOR_LISTS['blns-script-injection.txt']).toHaveLength(235);
});
