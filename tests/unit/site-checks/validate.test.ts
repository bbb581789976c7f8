import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, validateInThreads, validatePages, UNREADABLE_RULE } from '../../../scripts/lib/site-checks/validate.ts';
import { writeTree } from './synthetic-site.ts';

const page = (lang: string, main: string) => `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>页面</title>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;

describe('validatePages', () => {
  let dist = '';
  beforeAll(async () => {
    dist = await writeTree(
      new Map([
        ['index.html', page('zh-Hans', '<p>一起惠资讯</p>')],
        // Line 10, column 8 is where the second id's value starts.
        ['zh-hant/jingying/8/index.html', page('zh-Hant', '<p id="a">一</p>\n<p id="a">二</p>')],
        // The same id on another page is no duplicate: one page's ids never reach the next.
        ['zh-hant/jingying/9/index.html', page('zh-Hant', '<p id="a">三</p>')],
        ['_astro/site.css', 'not HTML, not validated'],
      ]),
    );
  });
  afterAll(() => rm(dist, { recursive: true }));

  const dupId = { page: '/zh-hant/jingying/8/', line: 10, column: 8, rule: 'no-dup-id', message: 'Duplicate ID "a"' };

  it('validates every HTML page by default, naming each by its site path', async () => {
    expect(await validatePages(dist)).toEqual([dupId]);
  });

  it.each<[string, string[], unknown[]]>([
    ['only the pages asked for', ['/'], []],
    ['a page by its site path', ['/zh-hant/jingying/8/'], [dupId]],
  ])('%s', async (_, pages, expected) => expect(await validatePages(dist, pages)).toEqual(expected));

  it('finds the same, in the same order, when threads share the pages', async () => {
    const files = ['index.html', 'zh-hant/jingying/8/index.html', 'zh-hant/jingying/9/index.html', 'nope/index.html'];
    const inThisThread = await validateFiles(dist, files);
    expect(inThisThread.flatMap((v) => v.messages.map((m) => m.rule))).toEqual(['no-dup-id', UNREADABLE_RULE]);
    expect(await validateInThreads(dist, files, 3)).toEqual(inThisThread);
  });

  it('takes what is known about a page text instead of validating it, and validates a text not known', async () => {
    const said = { line: 1, column: 1, rule: 'from-a-segment', message: 'said before' };
    const hashes = new Map((await validateFiles(dist, ['zh-hant/jingying/8/index.html'])).map((v) => [v.hash, [said]]));
    expect(await validatePages(dist, ['/zh-hant/jingying/8/', '/'], (hash) => hashes.get(hash))).toEqual([
      { page: '/zh-hant/jingying/8/', ...said },
    ]);
    expect(await validatePages(dist, ['/zh-hant/jingying/8/'], () => undefined)).toEqual([dupId]);
  });

  it('reports a page that cannot be read instead of throwing', async () => {
    const problems = await validatePages(dist, ['/nope/']);
    expect(problems).toEqual([
      { page: '/nope/', line: 0, column: 0, rule: UNREADABLE_RULE, message: expect.stringMatching(/^cannot be read: ENOENT/) },
    ]);
  });
});
