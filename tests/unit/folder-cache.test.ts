/** Folders of the build cache: made once per key, made aside and moved into place, pruned to what builds used. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderCache } from '../../src/integrations/folder-cache.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { goneProcess } from '../helpers/gone-process.ts';

/** A `make` that writes one file saying `text`, counting its calls in `calls`. */
const writing = (text: string, calls: string[]) => async (out: string) => {
  calls.push(text);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'file.txt'), text);
};

const read = (dir: string) => readFileSync(path.join(dir, 'file.txt'), 'utf8');

describe('FolderCache', () => {
  it('makes a folder once and reuses it while its inputs and code version are the same', async () => {
    const root = await tempDir('folder-cache');
    const calls: string[] = [];
    const first = new FolderCache('shards', 'content', 'v1', root);
    const made = await first.get(['a', 1], writing('一', calls));
    expect(read(made)).toBe('一');
    expect(first.hits).toBe(0);

    const second = new FolderCache('shards', 'content', 'v1', root);
    expect(await second.get(['a', 1], writing('二', calls))).toBe(made);
    expect(second.hits).toBe(1);
    expect(await new FolderCache('shards', 'content', 'v1', root).get(['a', 2], writing('三', calls))).not.toBe(made);
    expect(await new FolderCache('shards', 'content', 'v2', root).get(['a', 1], writing('四', calls))).not.toBe(made);
    expect(calls).toEqual(['一', '三', '四']);
  });

  it('finds a folder without making it, and keeps a folder it found from pruning', async () => {
    const root = await tempDir('folder-cache');
    const calls: string[] = [];
    const made = await new FolderCache('shards', 'content', 'v1', root).get(['a'], writing('一', calls));
    const other = await new FolderCache('shards', 'content', 'v1', root).get(['b'], writing('二', calls));
    const build = new FolderCache('shards', 'content', 'v1', root);
    expect(build.find(['a'])).toBe(made);
    expect(build.find(['c'])).toBeUndefined();
    expect(build.hits).toBe(1);
    await build.prune();
    expect(existsSync(made)).toBe(true);
    expect(existsSync(other)).toBe(false);
    expect(await build.folders()).toEqual([made]);
  });

  it('keeps no half-made folder when making one fails', async () => {
    const root = await tempDir('folder-cache');
    const cache = new FolderCache('shards', 'content', 'v1', root);
    const failing = async (out: string) => {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'half.txt'), '');
      throw new Error('indexer failed');
    };
    await expect(cache.get(['a'], failing)).rejects.toThrow('indexer failed');
    expect(await cache.folders()).toEqual([]);
    const calls: string[] = [];
    expect(read(await cache.get(['a'], writing('一', calls)))).toBe('一');
  });

  it('prunes the folders it found and did not use, and spares those another build made meanwhile', async () => {
    const root = await tempDir('folder-cache');
    const calls: string[] = [];
    const old = await new FolderCache('shards', 'content', 'v1', root).get(['old'], writing('旧', calls));
    const kept = await new FolderCache('shards', 'content', 'v1', root).get(['kept'], writing('留', calls));

    const build = new FolderCache('shards', 'content', 'v1', root);
    await build.get(['kept'], writing('留', calls));
    const other = await new FolderCache('shards', 'content', 'v1', root).get(['other'], writing('他', calls));
    await build.prune();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(kept)).toBe(true);
    expect(read(other)).toBe('他');
  });

  it("prunes the temporary folders killed builds left, and spares a running build's", async () => {
    const root = await tempDir('folder-cache');
    const made = await new FolderCache('shards', 'content', 'v1', root).get(['a'], writing('一', []));
    const dir = path.dirname(made);
    const killed = path.join(dir, `half.${goneProcess()}.tmp`);
    const running = path.join(dir, `half.${process.pid}.tmp`);
    for (const temporary of [killed, running]) mkdirSync(temporary);
    const build = new FolderCache('shards', 'content', 'v1', root);
    await build.get(['a'], writing('一', []));
    await build.prune();
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(read(made)).toBe('一');
  });

  it('never prunes the folders of another scope', async () => {
    const root = await tempDir('folder-cache');
    const calls: string[] = [];
    const theirs = await new FolderCache('shards', 'segment 1/2', 'v1', root).get(['a'], writing('一', calls));
    const mine = new FolderCache('shards', 'segment 2/2', 'v1', root);
    await mine.get(['b'], writing('二', calls));
    await mine.prune();
    expect(read(theirs)).toBe('一');
    expect(readdirSync(root)).toHaveLength(2);
  });
});
