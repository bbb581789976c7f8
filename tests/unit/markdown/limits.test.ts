/** The renderer's limits: what they refuse, where they point, and that a body at every limit still renders within the budget. */
import { describe, expect, it } from 'vitest';
import {
  BodyLimitError,
  MAX_DELIMITERS_PER_BODY,
  MAX_DELIMITERS_PER_PARAGRAPH,
  MAX_LINE_PREFIX,
  MAX_NESTING_DEPTH,
  RENDER_BUDGET_MS,
  parseWithinLimits,
  sourceIssues,
} from '../../../src/lib/markdown/limits.ts';
import { bodyFragments, bodyLinks } from '../../../src/lib/markdown/body-links.ts';
import { renderMarkdown } from '../../../src/lib/markdown/render.ts';
import { timeRenders } from '../../../src/integrations/site-data/workers.ts';

const linesOf = (markdown: string) => parseWithinLimits(markdown).issues.map((i) => i.line);

describe('parseWithinLimits', () => {
  it.each([
    ['quotes nested to the limit', `${'>'.repeat(MAX_NESTING_DEPTH - 2)} 引文`, []],
    ['quotes nested past it', `第一段\n\n${'>'.repeat(MAX_NESTING_DEPTH)} 引文`, [3]],
    ['a line prefix past the limit, before parsing', `a\n${' '.repeat(MAX_LINE_PREFIX + 1)}b`, [2]],
    ['tabs counted as four columns', `a\n${'\t'.repeat(MAX_LINE_PREFIX / 4 + 1)}b`, [2]],
    ['HTML elements left open across blocks', `a\n\n${'<div>\n\n'.repeat(MAX_NESTING_DEPTH + 1)}b`, [3 + 2 * (MAX_NESTING_DEPTH - 1)]],
    ['HTML elements closed again', '<div>a</div>\n\n'.repeat(MAX_NESTING_DEPTH * 2), []],
    ['HTML elements opened and closed within one block', `a\n\n${'<div>'.repeat(2000)}b${'</div>'.repeat(2000)}`, [3]],
    ['<command>, void to htmlparser2 but nested by parse5', `${'<command>'.repeat(MAX_NESTING_DEPTH)}b`, [1]],
    [
      'HTML elements nested to the limit in one block',
      `${'<div>'.repeat(MAX_NESTING_DEPTH - 1)}b${'</div>'.repeat(MAX_NESTING_DEPTH - 1)}`,
      [],
    ],
    ['emphasis nested past the limit', `${'*'.repeat(2 * MAX_NESTING_DEPTH)}a${'*'.repeat(2 * MAX_NESTING_DEPTH)}`, [1]],
    ['a paragraph at the delimiter limit', '*'.repeat(MAX_DELIMITERS_PER_PARAGRAPH), []],
    ['a paragraph past it, on its first line', `a\n\nb\n${'_'.repeat(MAX_DELIMITERS_PER_PARAGRAPH + 1)}`, [3]],
    ['brackets count too', `a\n\n${'] '.repeat(MAX_DELIMITERS_PER_PARAGRAPH + 1)}`, [3]],
    ['escaped delimiters are text', '\\*'.repeat(MAX_DELIMITERS_PER_PARAGRAPH + 1), []],
    ['delimiters in a fenced code block are code', `\`\`\`\n${'*'.repeat(MAX_DELIMITERS_PER_PARAGRAPH + 1)}\n\`\`\``, []],
    [
      'a body past the total, paragraph by paragraph',
      `${'*'.repeat(MAX_DELIMITERS_PER_PARAGRAPH)}\n\n`.repeat(MAX_DELIMITERS_PER_BODY / MAX_DELIMITERS_PER_PARAGRAPH + 1),
      [1],
    ],
  ])('%s', (_, markdown, lines) => {
    expect(linesOf(markdown)).toEqual(lines);
  });

  it('the renderer refuses what the limits refuse, with the same issues', () => {
    const markdown = `${'>'.repeat(2000)} 引文`;
    expect(() => renderMarkdown(markdown)).toThrow(BodyLimitError);
    try {
      renderMarkdown(markdown);
    } catch (error) {
      expect((error as BodyLimitError).issues).toEqual(parseWithinLimits(markdown).issues);
    }
  });

  it('a body at every limit at once renders within the budget', () => {
    const paragraphs = Array.from({ length: MAX_DELIMITERS_PER_BODY / MAX_DELIMITERS_PER_PARAGRAPH }, (_, i) =>
      ['*a*', 'a* ', '] ', '_b_'][i % 4]!.repeat(MAX_DELIMITERS_PER_PARAGRAPH / 2).slice(0, MAX_DELIMITERS_PER_PARAGRAPH * 2),
    );
    const deepest = `${'>'.repeat(MAX_NESTING_DEPTH - 2)} 引文`;
    const markdown = [...paragraphs, deepest, `${'<div>'.repeat(MAX_NESTING_DEPTH - 3)}内容`].join('\n\n');
    expect(parseWithinLimits(markdown).issues).toEqual([]);
    const started = performance.now();
    renderMarkdown(markdown);
    expect(performance.now() - started).toBeLessThan(RENDER_BUDGET_MS);
  });
});

describe('bodyLinks and bodyFragments', () => {
  it('finds Markdown links, images, definitions and raw HTML href/src, each on its line', () => {
    const markdown = '[a](/x/) ![b](/i.png)\n<a href="/y/">y</a>\n\n<div>\n<img\n src="/j.png">\n</div>\n\n[ref]: /z/';
    const { tree } = parseWithinLimits(markdown);
    expect(bodyLinks(tree!)).toEqual([
      { url: '/x/', line: 1, kind: 'link' },
      { url: '/i.png', line: 1, kind: 'image' },
      { url: '/y/', line: 2, kind: 'link' },
      { url: '/j.png', line: 6, kind: 'image' },
      { url: '/z/', line: 9, kind: 'link' },
    ]);
  });

  it('gives the ids the rendered body has, as the writer wrote them', () => {
    expect([...bodyFragments('## 标题\n\n<a id="here"></a><a name="there"></a>见[^1]\n\n[^1]: 注')].sort()).toEqual([
      'fn-1',
      'fnref-1',
      'footnote-label',
      'here',
      'there',
    ]);
  });
});

describe('timeRenders', () => {
  it('stops a body past the budget and goes on with the rest', async () => {
    // Within the limits the text shows, and still more than a minute of work: 1 MB of list items.
    const list = '- 项目\n'.repeat(100_000);
    expect(sourceIssues(list)).toEqual([]);
    const outcomes = await timeRenders(['正文。', list, '第二篇。', `${'>'.repeat(2000)} 引文`], RENDER_BUDGET_MS);
    expect(outcomes).toEqual(
      new Map<number, boolean | string>([
        [0, true],
        [1, false],
        [2, true],
        [
          3,
          'BodyLimitError: body line 1: the line starts with 2,001 characters of indentation, > and list markers (at most 400): ' +
            'quotes and lists nest at most 100 deep; flatten them',
        ],
      ]),
    );
  });
});
