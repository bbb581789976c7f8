import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffTrees, firstDifference, hashTree } from '../../../scripts/lib/site-checks/determinism.ts';
import { writeTree, type Tree } from './synthetic-site.ts';

const BASE: [string, string][] = [
  ['index.html', '<!DOCTYPE html>\n<title>首页</title>\n<p>2019-05-14 09:28</p>\n'],
  ['zh-hant/index.html', '<!DOCTYPE html>\n<title>首頁</title>\n'],
  ['_astro/site.css', 'body{}\n'],
];

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true }))));
async function tree(files: [string, string][]): Promise<string> {
  const dir = await writeTree(new Map(files) as Tree);
  dirs.push(dir);
  return dir;
}

describe('hashTree and diffTrees', () => {
  it('a tree equals a copy written in another order', async () => {
    const [a, b] = [await tree(BASE), await tree([...BASE].reverse())];
    expect(await hashTree(a)).toBe(await hashTree(b));
    expect(await diffTrees(a, b)).toEqual([]);
  });

  it('ignores empty folders, which no host serves', async () => {
    const [a, b] = [await tree(BASE), await tree(BASE)];
    await mkdir(join(b, 'empty'));
    expect(await hashTree(a)).toBe(await hashTree(b));
  });

  it.each<[string, [string, string][], (a: string, b: string) => { file: string; difference: string }[]]>([
    [
      'one changed character',
      BASE.map(([f, t]) => [f, t.replace('09:28', '09:29')]),
      () => [{ file: 'index.html', difference: 'line 3, column 19: "<p>2019-05-14 09:28</p>" ≠ "<p>2019-05-14 09:29</p>"' }],
    ],
    ['a file only on one side', [...BASE, ['404.html', 'x']], (_, b) => [{ file: '404.html', difference: `only in ${b}` }]],
    [
      'a renamed file with the same content',
      BASE.map(([f, t]) => [f.replace('site.css', 'site.1.css'), t]),
      (a, b) => [
        { file: '_astro/site.1.css', difference: `only in ${b}` },
        { file: '_astro/site.css', difference: `only in ${a}` },
      ],
    ],
  ])('%s changes the hash and is listed', async (_, changed, differences) => {
    const [a, b] = [await tree(BASE), await tree(changed)];
    expect(await hashTree(a)).not.toBe(await hashTree(b));
    expect(await diffTrees(a, b)).toEqual(differences(a, b));
  });

  it('hashes paths and contents apart: moving bytes from a name into content is a change', async () => {
    const [a, b] = [await tree([['ab', 'c']]), await tree([['a', 'bc']])];
    expect(await hashTree(a)).not.toBe(await hashTree(b));
  });
});

describe('firstDifference', () => {
  const text = (s: string) => Buffer.from(s);
  it.each([
    [text('a\nb\n'), text('a\nc\n'), 'line 2, column 1: "b" ≠ "c"'],
    [text('a\n'), text('a\nb\n'), 'line 2, column 1: "" ≠ "b"'],
    [text('a'), text('a\nb'), 'line 2: one file ends before the other (1 vs 2 lines)'],
    [
      text(`${'x'.repeat(30)}A${'y'.repeat(100)}`),
      text(`${'x'.repeat(30)}B${'y'.repeat(100)}`),
      `line 1, column 31: "${'x'.repeat(20)}A${'y'.repeat(59)}" ≠ "${'x'.repeat(20)}B${'y'.repeat(59)}"`,
    ],
    // U+FFFD written out, and a lone 0xFF byte that UTF-8 decoding turns into U+FFFD.
    [text('\uFFFD'), Buffer.from([0xff]), '3 vs 1 bytes that read as the same text (binary content)'],
  ])('%#', (a, b, expected) => expect(firstDifference(a, b)).toBe(expected));
});
