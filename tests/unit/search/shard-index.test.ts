/**
 * Our shard writer (shard-index.ts) against Pagefind itself: the same records make the same index,
 * word for word, location for location, with the same filters, date order, word counts and
 * fragments (but the content, which every variant replaces).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePagefind, indexWithPagefind, writePagefindRuntime } from '../../../src/integrations/search/pagefind-index.ts';
import { writeShard } from '../../../src/integrations/search/write-shard.ts';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';
import { buildScriptMap } from '../../../src/lib/search/normalise.ts';
import { BROWSER_CODE, decodeJsonFile, type Entry } from '../../../src/lib/search/pagefind-files.ts';
import { searchRecord, type RecordSource, type SearchRecord } from '../../../src/lib/search/records.ts';
import { shardIndex } from '../../../src/lib/search/shard-index.ts';
import { indexContents } from '../../helpers/search-index-contents.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const OPTIONS = { map: buildScriptMap(toSimplified), segmentation: 'bigram' } as const;
const day = (d: number) => Date.UTC(2019, 0, d);
const article = (slug: string, title: string, html: string, epochMs: number, channels = ['jingying']): RecordSource => ({
  slug,
  title,
  html,
  channels,
  epochMs,
});
const ARTICLES = [
  article('a', '淘宝卖家延迟发货', '<p>发货发货，发货！SKU 618大促 sku</p><p>發貨 時間</p>', day(1), ['jingying', 'taobao']),
  article('b', 'Café 한국어', '<p>straße がんばる 0fe8 1abcd 12345 İstanbul</p>', day(2)),
  // Nothing but punctuation: no word to index, and Pagefind leaves such a page out.
  article('c', '！！', '<p>……</p>', day(3), ['taobao']),
  // The same day as the one before, and one before both: the date order is the records' own where dates tie.
  article('d', '同一天', '<p>社群 社群 社群</p>', day(3)),
  article('e', '更早', '<p>社群</p>', day(2) - 1),
];
const RECORDS: SearchRecord[] = ARTICLES.map((a) => searchRecord(a, OPTIONS));

let root: string;
let runtime: string;
beforeAll(async () => {
  root = await tempDir('shard-index');
  runtime = path.join(root, 'runtime');
  await writePagefindRuntime(runtime, 'und');
}, 30_000);
afterAll(() => closePagefind());

const fragments = async (dir: string) => {
  const out: Record<string, unknown>[] = [];
  for (const name of await readdir(path.join(dir, 'fragment'))) {
    const file = path.join(dir, 'fragment', name);
    const { content: _, ...rest } = decodeJsonFile(await readFile(file), file);
    out.push(rest);
  }
  return out.sort((a, b) => String(a.url).localeCompare(String(b.url)));
};

describe('a shard written from its records', () => {
  it('says what Pagefind says of the same records', async () => {
    const ours = path.join(root, 'ours');
    const theirs = path.join(root, 'theirs');
    await writeShard(RECORDS, ours, runtime);
    await indexWithPagefind(RECORDS, theirs);
    const [mine, pagefind] = await Promise.all([indexContents(ours), indexContents(theirs)]);
    expect(mine.pages).toBe(4);
    expect(Object.keys(mine.words).length).toBeGreaterThan(20);
    expect(mine.forms).toEqual([]);
    expect(mine).toEqual(pagefind);
    expect(await fragments(ours)).toEqual(await fragments(theirs));
    const entry = async (dir: string) => {
      const { languages, ...rest } = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
      return { ...rest, languages: Object.fromEntries(Object.entries(languages).map(([k, { hash: _, ...v }]) => [k, v])) };
    };
    expect(await entry(ours)).toEqual(await entry(theirs));
    const code = async (dir: string) => (await readdir(dir)).filter((f) => BROWSER_CODE.test(f)).sort();
    expect(await code(ours)).toContain('pagefind.js');
    expect(await code(ours)).toEqual(await code(theirs));
  }, 30_000);

  it('splits the words of a large shard into chunks in word order, and still says what Pagefind says', async () => {
    // 6,000 Han characters, each once, in runs of ten: more words than a chunk holds (4,000).
    const han = (i: number) => String.fromCodePoint(0x4e00 + i);
    const text = Array.from({ length: 600 }, (_, run) => Array.from({ length: 10 }, (_, i) => han(run * 10 + i)).join('')).join('，');
    const records = [article('big', '大', `<p>${text}</p>`, day(1)), article('small', '小', '<p>一丁</p>', day(2))].map((a) =>
      searchRecord(a, OPTIONS),
    );
    const ours = path.join(root, 'ours-big');
    const theirs = path.join(root, 'theirs-big');
    await writeShard(records, ours, runtime);
    await indexWithPagefind(records, theirs);
    const [mine, pagefind] = await Promise.all([indexContents(ours), indexContents(theirs)]);
    expect(Object.keys(mine.words).length).toBeGreaterThan(4_000);
    expect(mine).toEqual(pagefind);
    const { entry, files } = shardIndex(records, JSON.parse(await readFile(path.join(runtime, 'pagefind-entry.json'), 'utf8')) as Entry);
    expect([...files.keys()].filter((f) => f.startsWith('index/')).length).toBeGreaterThan(1);
    expect(entry.languages.und?.page_count).toBe(2);
  }, 30_000);

  it("names a damaged runtime folder's entry file and what to do", async () => {
    const damaged = path.join(root, 'damaged-runtime');
    await mkdir(damaged, { recursive: true });
    await writeFile(path.join(damaged, 'pagefind-entry.json'), '{"version":');
    await expect(writeShard(RECORDS, path.join(root, 'from-damaged'), damaged)).rejects.toThrow(
      `search: ${path.join(damaged, 'pagefind-entry.json')} in the build cache cannot be read (Unexpected end of JSON input): delete ${damaged} (or the whole build cache, always safe) and build again`,
    );
  });

  it('refuses a word that is not a token, naming it and its record', () => {
    const entry: Entry = { version: '1.6.0', languages: { und: { hash: '', wasm: null, page_count: 0 } } };
    expect(() => shardIndex([{ ...RECORDS[0]!, content: 'sku Café' }], entry)).toThrow('search: "Café" of /a/ is not a token (tokens.ts)');
  });

  it("writes an index of no pages for records without words, in the runtime's language (Pagefind writes none, and a reader index is merged from one)", async () => {
    const entry: Entry = { version: '1.6.0', languages: { und: { hash: '', wasm: null, page_count: 0 } } };
    const { files, entry: written } = shardIndex([RECORDS[2]!], entry);
    expect(written).toEqual({
      version: '1.6.0',
      languages: { und: { hash: expect.stringMatching(/^und_[0-9a-f]{11}$/), wasm: null, page_count: 0 } },
    });
    expect([...files.keys()]).toEqual([`pagefind.${written.languages.und!.hash}.pf_meta`]);
    const empty = path.join(root, 'empty');
    await writeShard([RECORDS[2]!], empty, runtime);
    expect(JSON.parse(await readFile(path.join(empty, 'pagefind-entry.json'), 'utf8'))).toMatchObject({
      languages: { und: { page_count: 0 } },
    });
    expect(await readdir(empty)).not.toContain('fragment');
  });
});
