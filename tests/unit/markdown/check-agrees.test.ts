/**
 * `check` and the build agree on every body: generated bodies (deep nesting, long emphasis and
 * bracket runs, raw HTML, links, conversion markers) go through `check`'s own loader, then through
 * the functions the build renders and converts with. A body check passes renders, converts in
 * both variants and stays within the per-article budget; a body it refuses for the renderer's
 * limits is one the renderer refuses too, with the same words. Plain bodies that `check` passes
 * without parsing them (shallowWithoutParsing) are held to the same.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../../src/consts.ts';
import { prepareBody } from '../../../src/lib/archive/prepare-body.ts';
import { convertFields } from '../../../src/lib/archive/variant.ts';
import { loadContent } from '../../../src/integrations/site-data/load-content.ts';
import { isError } from '../../../src/lib/content/problems.ts';
import { createVariantConverter } from '../../../src/lib/convert/variant-converter.ts';
import { BodyLimitError, RENDER_BUDGET_MS, shallowWithoutParsing } from '../../../src/lib/markdown/limits.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const repeat = (unit: fc.Arbitrary<string>, max: number) => fc.tuple(unit, fc.nat({ max })).map(([u, n]) => u.repeat(n));

const word = fc.constantFrom('淘宝', '信息', '發卡量', '一起惠', 'text', '618', '，', '。');
const marker = fc.oneof(
  word.map((w) => `-{${w}}-`),
  fc.tuple(word, word).map(([hans, hant]) => `-{zh-hans:${hans};zh-hant:${hant}}-`),
);
const link = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '[文章](/articles/fine/)',
      '[频道](/jingying/)',
      '[繁体](/zh-hant/articles/fine/)',
      '[外站](https://www.jd.com/)',
      '![图](/favicon.svg)',
      '[注](#fn-1)[^1]',
      '<a href="/articles/fine/">文章</a>',
      '<a id="here"></a>[这里](#here)',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('[坏](/articles/no-such/)', '[坏](/nochannel/)', '![缺](/images/none.png)', '[锚](#nowhere)') },
);
const rawHtml = fc.constantFrom(
  '<div>',
  '</div>',
  '<b>粗</b>',
  '<font color=red>红</font>',
  '<table><tr><td>格</td></tr></table>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- 注释 -->',
  '<p>段落',
  '<a href="javascript:alert(1)">x</a>',
);
const emphasis = fc.oneof(
  repeat(fc.constantFrom('*a*', 'a* ', '**b** ', '_c_ ', 'd] ', '[e ', '***', '~~f~~ '), 600),
  fc.nat({ max: 130 }).map((n) => `${'*'.repeat(n)}深${'*'.repeat(n)}`),
);
const nesting = fc.oneof(
  fc.tuple(fc.nat({ max: 150 }), word).map(([n, w]) => `${'>'.repeat(n)} ${w}`),
  fc.nat({ max: 70 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n')),
  fc.nat({ max: 130 }).map((n) => `${'<div>'.repeat(n)}内容`),
);
const inline = fc.oneof(word, marker, link, rawHtml, emphasis);
const prose = fc.oneof(word, marker, fc.constantFrom('*强调*', '**加粗**', '~~删除~~', '3~5天'));
const paragraph = fc.oneof(
  { weight: 2, arbitrary: fc.array(prose, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.array(inline, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: nesting },
);
const body = fc
  .array(paragraph, { minLength: 1, maxLength: 4 })
  .map((ps) => ps.join('\n\n'))
  .map((text) => (text.includes('[^1]') ? `${text}\n\n[^1]: 注释。` : text));

let dir: string;
beforeAll(async () => {
  dir = await tempDir('check-agrees');
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'channels.yaml'), '- slug: jingying\n  name: 经营\n');
  await writeFile(path.join(dir, 'articles/fine.md'), '---\ntitle: 好\ndate: 2019-05-14\nchannel: jingying\n---\n正文。\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What `npm run check` says about an article with this body: its errors' messages. */
async function checkErrors(markdown: string): Promise<string[]> {
  await writeFile(path.join(dir, 'articles/x.md'), `---\ntitle: 标题\ndate: 2019-05-14\nchannel: jingying\n---\n${markdown}\n`);
  const { problems } = await loadContent(dir);
  return problems.filter(isError).map((p) => p.message);
}

const converter = createVariantConverter([]);

/** What the build does with a body (site.ts): render it, then convert the page into each variant. */
function build(markdown: string): void {
  const { html, summary } = prepareBody(markdown);
  for (const to of LANGS) convertFields({ lang: 'zh-Hans' as Lang, glossary: [], title: '标题', summary, html }, to, converter);
}

describe('check and the build agree', () => {
  it('every body check passes builds within the budget; every body it refuses for the limits, the renderer refuses', async () => {
    let passed = 0;
    let refused = 0;
    let unparsed = 0;
    await fc.assert(
      fc.asyncProperty(body, async (markdown) => {
        const errors = await checkErrors(markdown);
        if (shallowWithoutParsing(markdown)) unparsed++;
        let limitIssues: string[] = [];
        const started = performance.now();
        try {
          build(markdown);
        } catch (error) {
          if (!(error instanceof BodyLimitError)) throw error;
          limitIssues = error.issues.map((i) => i.message);
        }
        const elapsed = performance.now() - started;
        if (errors.length === 0) {
          passed++;
          expect(limitIssues).toEqual([]);
          expect(elapsed).toBeLessThan(RENDER_BUDGET_MS);
        } else if (limitIssues.length > 0) {
          refused++;
          expect(errors).toEqual(expect.arrayContaining(limitIssues));
        }
      }),
      { seed: 1212, numRuns: 60 },
    );
    // The generator reaches both sides of the limits, and bodies check passes without parsing.
    expect(passed).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
    expect(unparsed).toBeGreaterThan(5);
  });
});
