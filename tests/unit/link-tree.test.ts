/** Files of the build cache put into the output as hard links, on the calling thread or one of their own. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkFilesOnThread, linkFilesSync } from '../../src/integrations/link-tree.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

/** A folder `from` holding `a.txt`, `sub/b.txt` and `sub/deeper/c.txt`, and an empty folder `to` beside it. */
async function tree() {
  const root = await tempDir('link-tree');
  const from = path.join(root, 'from');
  mkdirSync(path.join(from, 'sub', 'deeper'), { recursive: true });
  for (const file of ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt']) writeFileSync(path.join(from, file), file);
  return { root, from, to: path.join(root, 'to') };
}

/** The files under `dir`, relative to it, sorted. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

const sameFile = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

describe('linkFilesSync', () => {
  it('links single files, making their folders, and counts them', async () => {
    const { from, to } = await tree();
    const count = linkFilesSync([
      { from: path.join(from, 'a.txt'), to: path.join(to, 'x', 'y', 'a.txt') },
      { from: path.join(from, 'sub', 'b.txt'), to: path.join(to, 'x', 'b.txt') },
    ]);
    expect(count).toBe(2);
    expect(filesUnder(to)).toEqual(['x/b.txt', 'x/y/a.txt']);
    expect(sameFile(path.join(from, 'a.txt'), path.join(to, 'x', 'y', 'a.txt'))).toBe(true);
  });

  it('links every file of a tree at the same place under the target, at any depth', async () => {
    const { from, to } = await tree();
    const count = linkFilesSync([{ from, to: path.join(to, 'bundle'), tree: true }]);
    expect(count).toBe(3);
    expect(filesUnder(path.join(to, 'bundle'))).toEqual(['a.txt', 'sub/b.txt', 'sub/deeper/c.txt']);
    expect(sameFile(path.join(from, 'sub', 'deeper', 'c.txt'), path.join(to, 'bundle', 'sub', 'deeper', 'c.txt'))).toBe(true);
  });

  it('leaves out of a tree the files it is told to, by their path in it', async () => {
    const { from, to } = await tree();
    expect(linkFilesSync([{ from, to, tree: true, except: ['sub/b.txt', 'b.txt'] }])).toBe(2);
    expect(filesUnder(to)).toEqual(['a.txt', 'sub/deeper/c.txt']);
  });

  it('never writes over a file already there', async () => {
    const { from, to } = await tree();
    mkdirSync(to);
    writeFileSync(path.join(to, 'a.txt'), 'mine');
    expect(() => linkFilesSync([{ from, to, tree: true }])).toThrow(/EEXIST/);
  });
});

describe('linkFilesOnThread', () => {
  it('makes the same links on a thread of its own, trees and single files together', async () => {
    const { from, to } = await tree();
    const count = await linkFilesOnThread([
      { from, to: path.join(to, 'whole'), tree: true },
      { from: path.join(from, 'a.txt'), to: path.join(to, 'one', 'a.txt') },
    ]);
    expect(count).toBe(4);
    expect(filesUnder(to)).toEqual(['one/a.txt', 'whole/a.txt', 'whole/sub/b.txt', 'whole/sub/deeper/c.txt']);
  });
});
