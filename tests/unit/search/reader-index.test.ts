/**
 * The reader index against Pagefind itself: records written in three shards (shard-index.ts) and
 * merged hold the same words, pages, locations, filters and date order as Pagefind's own index of
 * the same records at once; and
 * a merge after an edit reuses the earlier merge's files whose words the edit did not touch.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShard, renamedFragments, writeReaderIndex, type Shard } from '../../../src/integrations/search/reader-index.ts';
import { ShardIndexer } from '../../../src/integrations/search/shard-indexer.ts';
import { linkReaderIndexes, writeReaderIndexes } from '../../../src/integrations/search/write-indexes.ts';
import type { Volume } from '../../../src/lib/search/shards.ts';
import { ENTRY_FILE } from '../../../src/lib/search/pagefind-files.ts';
import { FOLDERS } from '../../../src/lib/urls.ts';
import { closePagefind, indexWithPagefind, writePagefindRuntime } from '../../../src/integrations/search/pagefind-index.ts';
import { searchRecord, type RecordSource } from '../../../src/lib/search/records.ts';
import { fragmentUrlIn, indexContents } from '../../helpers/search-index-contents.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const WORDS = ['aa', 'ab', 'ba', 'bb', 'cc', 'cd', 'dc', 'dd', 'ee', 'ef', 'fe', 'ff', 'x1', 'x2', 'y1', 'y2'];
/** Article `i`: words picked by its number, so words recur across shards; dates ascending. */
const record = (i: number, extra = ''): RecordSource => ({
  slug: `a-${String(i).padStart(2, '0')}`,
  title: '',
  html: `<p>${Array.from({ length: 30 }, (_, j) => WORDS[(i * 7 + j * j) % WORDS.length]).join(' ')}${extra}</p>`,
  channels: [i % 3 ? 'jingying' : 'taobao'],
  epochMs: Date.UTC(2019, 0, 1) + i * 86_400_000,
});
const RECORDS = Array.from({ length: 24 }, (_, i) => record(i));
const SMALL_CHUNKS = { min: 20, max: 80, cutEvery: 3, alone: 60 };

const OPTIONS = { map: {}, segmentation: 'bigram' } as const;

let root: string;
let indexer: ShardIndexer;
beforeAll(async () => {
  root = await tempDir('reader-index');
  const runtime = path.join(root, 'runtime');
  await writePagefindRuntime(runtime, 'und');
  indexer = new ShardIndexer({ ...OPTIONS, runtime });
}, 30_000);
afterAll(() => Promise.all([indexer.close(), closePagefind()]));

/** One shard at a time: an indexer's thread indexes one. */
const index = async (name: string, records: RecordSource[]) => {
  const dir = path.join(root, name);
  await indexer.index(records, dir);
  return dir;
};
const indexAll = async (name: string, shards: RecordSource[][]) => {
  const dirs: string[] = [];
  for (const [i, records] of shards.entries()) dirs.push(await index(`${name}-${i}`, records));
  return dirs;
};

async function shardFragmentUrls(shards: Shard[]) {
  const byName = new Map<string, string>();
  for (const [i, shard] of shards.entries()) {
    for (const [original, renamed] of renamedFragments(shard, i)) {
      byName.set(renamed.replace('.pf_fragment', ''), await fragmentUrlIn(shard.dir)(original.replace('.pf_fragment', '')));
    }
  }
  return async (fragment: string) => byName.get(fragment)!;
}

describe('the reader index', () => {
  it('says what one Pagefind index of all the records says', async () => {
    const whole = path.join(root, 'whole');
    await indexWithPagefind(
      RECORDS.map((r) => searchRecord(r, OPTIONS)),
      whole,
    );
    const dirs = await indexAll('shard', [RECORDS.slice(0, 10), RECORDS.slice(10, 17), RECORDS.slice(17)]);
    const out = path.join(root, 'reader');
    await writeReaderIndex(dirs, out, { chunkSizes: SMALL_CHUNKS });
    const merged = await indexContents(out, await shardFragmentUrls(await Promise.all(dirs.map(readShard))));
    const single = await indexContents(whole);
    expect((await readShard(out)).meta[4]).toEqual([]);
    expect((await readShard(whole)).meta[4]).toHaveLength(1);
    expect(merged.pages).toBe(24);
    expect(Object.keys(merged.words).length).toBeGreaterThan(10);
    expect(merged).toEqual(single);
    expect((await readdir(path.join(out, 'index'))).length).toBeGreaterThan(3);
  }, 60_000);

  it('refuses shards whose pages are not in date order, which the search page orders results by', async () => {
    const [dir] = await indexAll('unordered', [[RECORDS[1]!, RECORDS[0]!, RECORDS[2]!]]);
    await expect(writeReaderIndex([dir!], path.join(root, 'unordered'))).rejects.toThrow(
      `search: ${dir}'s pages are not in date order: its date sort puts page 1 at place 0.`,
    );
  }, 60_000);

  const files = async (dir: string) => (await readdir(dir, { recursive: true })).sort();
  /** `dir` holds the files `expected` holds, byte for byte. */
  const expectSameFiles = async (dir: string, expected: string) => {
    expect(await files(dir)).toEqual(await files(expected));
    for (const file of await files(expected)) {
      if (!file.includes('.')) continue;
      expect((await readFile(path.join(dir, file))).equals(await readFile(path.join(expected, file))), file).toBe(true);
    }
  };
  const SHARDS = [RECORDS.slice(0, 10), RECORDS.slice(10, 17), RECORDS.slice(17)];

  it('reuses the files of an earlier merge whose words an edit did not touch, and writes the same files', async () => {
    const dirs = await indexAll('before', SHARDS);
    const before = path.join(root, 'before');
    await writeReaderIndex(dirs, before, { chunkSizes: SMALL_CHUNKS });
    // One article of the last shard gets a word no other has.
    const edited = [...SHARDS[2]!];
    edited[3] = record(20, ' zz');
    dirs[2] = await index('edited', edited);
    const after = path.join(root, 'after');
    const stats = await writeReaderIndex(dirs, after, { reuse: [before], chunkSizes: SMALL_CHUNKS });
    expect(stats.linked).toBeGreaterThan(0);
    expect(stats.linked).toBeLessThan(stats.files);
    expect(stats.patched).toBe(false);
    const fresh = path.join(root, 'fresh');
    await writeReaderIndex(dirs, fresh, { chunkSizes: SMALL_CHUNKS });
    await expectSameFiles(after, fresh);
  }, 60_000);

  describe('patched after an edit, when the same code merged the same shards but the edited ones', () => {
    const VERSION = 'v1';
    const merge = async (name: string, dirs: string[], reuse: string[], version = VERSION) => {
      const out = path.join(root, name);
      return { out, stats: await writeReaderIndex(dirs, out, { reuse, version, chunkSizes: SMALL_CHUNKS }) };
    };
    let dirs: string[];
    let earlier: string;
    beforeAll(async () => {
      dirs = await indexAll('patch-before', SHARDS);
      earlier = (await merge('patch-earlier', dirs, [])).out;
    }, 60_000);

    it('writes the files a whole merge writes, keeping those of the chunks the edit did not touch', async () => {
      // An article of the middle shard loses its words and gets one no other has: pages after its shard keep their numbers.
      const edited = [...SHARDS[1]!];
      edited[2] = { ...edited[2]!, html: '<p>zz</p>' };
      const now = [dirs[0]!, await index('patch-edited', edited), dirs[2]!];
      const { out, stats } = await merge('patch-after', now, [earlier]);
      expect(stats.patched).toBe(true);
      expect(stats.linked).toBeGreaterThan(0);
      const { out: whole, stats: wholeStats } = await merge('patch-whole', now, []);
      expect(wholeStats.patched).toBe(false);
      await expectSameFiles(out, whole);
    }, 60_000);

    it('merges every shard again when an article was added, or the earlier merge is of other code', async () => {
      const now = [dirs[0]!, dirs[1]!, await index('patch-added', [...SHARDS[2]!, record(24)])];
      const added = await merge('patch-added-after', now, [earlier]);
      expect(added.stats.patched).toBe(false);
      await expectSameFiles(added.out, (await merge('patch-added-whole', now, [])).out);
      const edited = [dirs[0]!, dirs[1]!, await index('patch-other', [...SHARDS[2]!.slice(0, -1), record(23, ' zz')])];
      expect((await merge('patch-other-after', edited, [earlier], 'v2')).stats.patched).toBe(false);
    }, 60_000);

    it('merges anew, without failing, when the record of an earlier merge is damaged', async () => {
      const damaged = (await merge('patch-damaged-earlier', dirs, [])).out;
      await writeFile(path.join(damaged, 'merged-from.json'), '{"version":"v1","shards":');
      const edited = [dirs[0]!, dirs[1]!, await index('patch-damaged', [...SHARDS[2]!.slice(0, -1), record(23, ' zz')])];
      const { out, stats } = await merge('patch-damaged-after', edited, [damaged]);
      expect(stats.patched).toBe(false);
      await writeFile(path.join(damaged, 'merged-from.json'), '{"version":"v1","shards":null}');
      expect((await merge('patch-damaged-again', edited, [damaged])).stats.patched).toBe(false);
      await expectSameFiles(out, (await merge('patch-damaged-whole', edited, [])).out);
    }, 60_000);

    it('keeps its record of what it was merged from out of the bundles it is linked into', async () => {
      const outDir = path.join(root, 'linked-site');
      await linkReaderIndexes([earlier], [{ shards: [0, 1, 2], path: 'volume' }], outDir);
      for (const folder of FOLDERS) {
        const bundle = await readdir(path.join(outDir, folder, 'pagefind', 'volume'));
        expect(bundle).toContain('pagefind-entry.json');
        expect(bundle).not.toContain('merged-from.json');
        expect(bundle.sort()).toEqual((await readdir(earlier)).filter((name) => name !== 'merged-from.json').sort());
      }
    });
  });
});

describe('the volumes of a build (writeReaderIndexes)', () => {
  it('hears of the volumes held already all at once, before the one to merge is merged, then of that one', async () => {
    const dirs = await indexAll('volumes', [RECORDS.slice(0, 8), RECORDS.slice(8, 16), RECORDS.slice(16)]);
    const held = new Map<string, string>();
    for (const i of [0, 2]) {
      held.set(`v${i}`, path.join(root, `volumes-held-${i}`));
      await writeReaderIndex([dirs[i]!], held.get(`v${i}`)!, {});
    }
    const volumes: Volume[] = [2, 1, 0].map((i) => ({ shards: [i], path: `v${i}` }));
    const merging = path.join(root, 'volumes-merged');
    const heard: (string | string[])[] = [];
    const { readers, merged } = await writeReaderIndexes(
      dirs,
      volumes,
      {},
      {
        held: (volume) => held.get(volume.path),
        make: async (volume, write) => {
          heard.push(`merging ${volume.path}`);
          await write(merging);
          return merging;
        },
      },
      (dirs, placed) =>
        heard.push(
          placed.map((volume, i) => {
            const dir = dirs[i]!;
            const where = dir === merging ? 'merged' : dir === held.get(volume.path) ? 'held' : dir;
            return `${volume.path} ${where} ${existsSync(path.join(dir, ENTRY_FILE))}`;
          }),
        ),
    );
    expect(heard).toEqual([['v2 held true', 'v0 held true'], 'merging v1', ['v1 merged true']]);
    expect(readers).toEqual([held.get('v2'), merging, held.get('v0')]);
    expect(merged.files).toBeGreaterThan(0);
  });

  it('merges no volume after one failed, and rejects', async () => {
    const dirs = await indexAll('failing', [RECORDS.slice(0, 12)]);
    const volumes: Volume[] = [
      { shards: [1], path: 'missing-shard' },
      { shards: [0], path: 'after' },
    ];
    const made: string[] = [];
    const placed: string[] = [];
    const writing = writeReaderIndexes(
      dirs,
      volumes,
      {},
      {
        held: () => undefined,
        make: async (volume, write) => {
          made.push(volume.path);
          await write(path.join(root, `failing-${volume.path}`));
          return path.join(root, `failing-${volume.path}`);
        },
      },
      (_, volumes) => placed.push(...volumes.map((volume) => volume.path)),
    );
    await expect(writing).rejects.toThrow();
    expect(made).toEqual(['missing-shard']);
    expect(placed).toEqual([]);
  });
});
