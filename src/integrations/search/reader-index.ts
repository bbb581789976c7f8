/**
 * Writes the reader index (lib/search/merge-index.ts) from the shards Pagefind wrote: Pagefind's
 * code and entry file, one metadata file, the merged word chunks and filters. Language-neutral
 * (both variants index the same text): each variant's bundle links it and adds its own fragments,
 * named as the merged metadata names them (`fragmentName`).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  decodeCborFile,
  encodeCborFile,
  type Entry,
  type FilterIndex,
  type Meta,
  type MetaChunk,
  type MetaFilter,
  type PackedWord,
  type WordChunk,
} from '../../lib/search/pagefind-files.ts';
import { chunkWords, fragmentName, mergeDateSort, mergeFilters, mergeWords } from '../../lib/search/merge-index.ts';
import { DATE_SORT } from '../../lib/search/config.ts';

const ENTRY = 'pagefind-entry.json';
/** Pagefind's browser code, the same in every shard. */
const CODE = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

export interface Shard {
  dir: string;
  entry: Entry;
  /** The index's language key (the records', e.g. `und`): one per shard. */
  language: string;
  meta: Meta;
}

export async function readShard(dir: string): Promise<Shard> {
  const entry = JSON.parse(await readFile(path.join(dir, ENTRY), 'utf8')) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`search: ${dir} holds ${languages.length} languages; a shard is indexed as one`);
  const language = languages[0]!;
  const file = `pagefind.${entry.languages[language]!.hash}.pf_meta`;
  const meta = decodeCborFile<Meta>(await readFile(path.join(dir, file)), path.join(dir, file));
  return { dir, entry, language, meta };
}

/** The shard's pages' fragment files, by the name the reader index gives each. */
export const renamedFragments = (shard: Shard, number: number) =>
  new Map(shard.meta[1].map(([fragment], page) => [`${fragment}.pf_fragment`, `${fragmentName(number, page)}.pf_fragment`]));

async function* wordsOf(shard: Shard): AsyncGenerator<PackedWord> {
  for (const [, , name] of shard.meta[2]) {
    const file = path.join(shard.dir, 'index', `${name}.pf_index`);
    yield* decodeCborFile<WordChunk>(await readFile(file), file)[0];
  }
}

/** Writes `data` as `<file>` of `<language>_<hash>` and returns that name, as Pagefind names its files. */
async function writeHashed(out: string, file: (name: string) => string, language: string, data: Buffer, taken: Set<string>) {
  const hash = createHash('sha256').update(data).digest('hex');
  let length = 11;
  while (taken.has(`${language}_${hash.slice(0, length)}`)) length++;
  const name = `${language}_${hash.slice(0, length)}`;
  taken.add(name);
  await writeFile(path.join(out, file(name)), data);
  return name;
}

export async function writeReaderIndex(dirs: string[], out: string): Promise<void> {
  const shards = await Promise.all(dirs.map(readShard));
  const [first] = shards;
  if (!first) throw new Error('search: no shards to merge');
  const language = first.language;
  const offsets = shards.map((_, i) => shards.slice(0, i).reduce((sum, s) => sum + s.meta[1].length, 0));
  await mkdir(path.join(out, 'index'), { recursive: true });
  await mkdir(path.join(out, 'filter'), { recursive: true });
  const taken = new Set<string>();

  const chunks: MetaChunk[] = [];
  for await (const words of chunkWords(mergeWords(shards.map((s, i) => ({ words: wordsOf(s), offset: offsets[i]! }))))) {
    const name = await writeHashed(out, (n) => `index/${n}.pf_index`, language, encodeCborFile([words] satisfies WordChunk), taken);
    chunks.push([words[0]![0], words.at(-1)![0], name]);
  }

  const filterInputs = await Promise.all(
    shards.map(async (s, i) => ({
      offset: offsets[i]!,
      filters: await Promise.all(
        s.meta[3].map(async ([, name]) => {
          const file = path.join(s.dir, 'filter', `${name}.pf_filter`);
          return decodeCborFile<FilterIndex>(await readFile(file), file);
        }),
      ),
    })),
  );
  const filters: MetaFilter[] = [];
  for (const filter of mergeFilters(filterInputs)) {
    filters.push([filter[0], await writeHashed(out, (n) => `filter/${n}.pf_filter`, language, encodeCborFile(filter), taken)]);
  }

  const meta: Meta = [
    first.meta[0],
    shards.flatMap((s, i) => s.meta[1].map(([, ...rest], page): Meta[1][number] => [fragmentName(i, page), ...rest])),
    chunks,
    filters,
    mergeDateSort(
      shards.map((s, i) => ({ sorts: s.meta[4], offset: offsets[i]! })),
      DATE_SORT,
    ),
    [],
  ];
  if (shards.some((s) => s.meta[5].length))
    throw new Error("search: a shard's metadata carries data this merge does not know (a newer Pagefind?)");
  const metaName = await writeHashed(out, (n) => `pagefind.${n}.pf_meta`, language, encodeCborFile(meta), taken);
  await Promise.all(
    (await readdir(first.dir)).filter((name) => CODE.test(name)).map((name) => copyFile(path.join(first.dir, name), path.join(out, name))),
  );
  const entry: Entry = {
    ...first.entry,
    languages: { [language]: { ...first.entry.languages[language]!, hash: metaName, page_count: meta[1].length } },
  };
  await writeFile(path.join(out, ENTRY), JSON.stringify(entry));
}
