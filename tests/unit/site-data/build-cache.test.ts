import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dirs.ts';
import { goneProcess } from '../../helpers/gone-process.ts';

let BuildCache: typeof import('../../../src/integrations/site-data/build-cache.ts').BuildCache;
let dir: string;

beforeAll(async () => {
  dir = await tempDir('build-cache');
  vi.stubEnv('BUILD_CACHE_DIR', dir);
  ({ BuildCache } = await import('../../../src/integrations/site-data/build-cache.ts'));
});

describe('BuildCache', () => {
  it('reads back what a build saved, values with line breaks and Chinese included', () => {
    const first = new BuildCache<{ html: string }>('t', 'scope-a', 'v1');
    first.get('a', () => ({ html: '<p>发货\n第二行</p>' }));
    first.set('b', { html: '"引号" \\ 反斜杠' });
    first.save();
    const again = new BuildCache<{ html: string }>('t', 'scope-a', 'v1');
    expect(again.get('a', () => ({ html: 'recomputed' }))).toEqual({ html: '<p>发货\n第二行</p>' });
    expect(again.get('b', () => ({ html: 'recomputed' }))).toEqual({ html: '"引号" \\ 反斜杠' });
    expect(again.hits).toBe(2);
  });

  const fileOf = (scope: string) => {
    const cache = new BuildCache('t', scope, 'v1');
    cache.set('probe', 0);
    cache.save();
    const [file] = readdirSync(dir).filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('"probe"'));
    return path.join(dir, file!);
  };

  it('appends what a build added, and writes the file anew once unused entries would outnumber the used', () => {
    const file = fileOf('scope-append');
    const first = new BuildCache<number>('t', 'scope-append', 'v1');
    for (const key of ['probe', 'a', 'b', 'c']) first.get(key, () => 1);
    first.save();
    const before = readFileSync(file, 'utf8');
    // An edit: one entry is no longer used, one is new. The file keeps its lines and gains one.
    const edit = new BuildCache<number>('t', 'scope-append', 'v1');
    for (const key of ['probe', 'a', 'b', 'd']) edit.get(key, () => 2);
    edit.save();
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('["d",2]\n');
    const third = new BuildCache<number>('t', 'scope-append', 'v1');
    expect(['a', 'd'].map((key) => third.get(key, () => 3))).toEqual([1, 2]);
    // Of five entry lines two are used now: the file is written anew with those.
    third.save();
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(1)).toEqual(['["a",1]', '["d",2]']);
  });

  it("removes the temporary files killed builds left beside its file, and not a running build's", () => {
    const first = new BuildCache<number>('t', 'scope-killed', 'v1');
    first.get('only-in-scope-killed', () => 1);
    first.save();
    const [name] = readdirSync(dir).filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('"only-in-scope-killed"'));
    const file = path.join(dir, name!);
    const killed = `${file}.${goneProcess()}.tmp`;
    const running = `${file}.${process.pid}.tmp`;
    writeFileSync(killed, 'half a file');
    writeFileSync(running, 'being written');
    const edit = new BuildCache<number>('t', 'scope-killed', 'v1');
    edit.get('only-in-scope-killed', () => 2);
    edit.save();
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });

  it('says which values its file holds after saving: the used ones, and those it kept unused', () => {
    const first = new BuildCache<number>('t', 'scope-held', 'v1');
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      first.get(key, () => value);
    expect([...first.save()].sort()).toEqual([1, 2, 3]);
    // Appended: the unused entry stays in the file, so its value is held.
    const edit = new BuildCache<number>('t', 'scope-held', 'v1');
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['d', 4],
    ] as const)
      edit.get(key, () => value);
    expect([...edit.save()].sort()).toEqual([1, 2, 3, 4]);
    // Written anew with the used one only.
    const third = new BuildCache<number>('t', 'scope-held', 'v1');
    third.get('d', () => 0);
    expect([...third.save()]).toEqual([4]);
    expect(new BuildCache<number>('t', 'scope-held', 'v1').has('a')).toBe(false);
  });

  it('computes again a stored value it is told is not usable', () => {
    const first = new BuildCache<{ body: string }>('t', 'scope-usable', 'v1');
    first.set('kept', { body: 'on disk' });
    first.set('lost', { body: 'deleted' });
    first.save();
    const again = new BuildCache<{ body: string }>('t', 'scope-usable', 'v1', (v) => v.body !== 'deleted');
    expect([again.has('kept'), again.has('lost')]).toEqual([true, false]);
    expect(again.get('lost', () => ({ body: 'made again' }))).toEqual({ body: 'made again' });
  });

  it('skips a line cut short by a build that stopped while appending, and keeps the others', async () => {
    const file = fileOf('scope-cut');
    await appendFile(file, '["x",{"html":"<p>半');
    await appendFile(file, '\n["y",5]\n');
    const read = new BuildCache<number>('t', 'scope-cut', 'v1');
    expect([read.has('probe'), read.has('x'), read.has('y')]).toEqual([true, false, true]);
  });

  it('starts empty for another code version or a damaged file', async () => {
    expect(new BuildCache('t', 'scope-a', 'v2').has('a')).toBe(false);
    const damaged = new BuildCache('t', 'scope-b', 'v1');
    damaged.set('x', 1);
    damaged.save();
    expect(new BuildCache('t', 'scope-b', 'v1').has('x')).toBe(true);
    for (const file of readdirSync(dir)) await writeFile(path.join(dir, file), '{"version":"v1"\n["x",1]\n');
    expect(new BuildCache('t', 'scope-b', 'v1').has('x')).toBe(false);
  });
});

describe('linesOf', () => {
  it('reads the lines of a file in chunks, a line or a character cut across two chunks included', async () => {
    const { linesOf } = await import('../../../src/integrations/site-data/build-cache.ts');
    const file = path.join(dir, 'lines.jsonl');
    const lines = ['{"version":"v1"}', '["a","发货时间"]', '', '["b","一二三四五六七八九十"]', '["c",1]'];
    await writeFile(file, `${lines.join('\n')}\n["d","最后一行，没有换行符"]`);
    // At 5 or 7 bytes a chunk, lines and characters (3 bytes each) are cut between chunks.
    for (const chunk of [5, 7, 64, 1 << 24]) {
      expect([...linesOf(file, chunk)]).toEqual([...lines, '["d","最后一行，没有换行符"]']);
    }
  });
});
