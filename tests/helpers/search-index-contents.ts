/** What a Pagefind-format index says, read back by page URL, for tests that compare two indexes. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readShard } from '../../src/integrations/search/reader-index.ts';
import { decodeCborFile, decodeJsonFile, type FilterIndex, type Meta, type WordChunk } from '../../src/lib/search/pagefind-files.ts';

/** A fragment's URL, by fragment name, from an index's folder. */
export const fragmentUrlIn = (dir: string) => async (fragment: string) => {
  const file = path.join(dir, 'fragment', `${fragment}.pf_fragment`);
  return String(decodeJsonFile(await readFile(file), file).url);
};

/** Page number → URL of an index: from its own fragments, or for a reader index from its shards'. */
const urls = (meta: Meta, fragmentUrl: (fragment: string) => Promise<string>) =>
  Promise.all(meta[1].map(([fragment]) => fragmentUrl(fragment)));

/**
 * What an index says, by URL: each word's pages with their locations (and any forms Pagefind keeps
 * beside a word), each filter value's pages, the date order, each page's word count.
 */
export async function indexContents(dir: string, fragmentUrl: (fragment: string) => Promise<string> = fragmentUrlIn(dir)) {
  const { meta } = await readShard(dir);
  const url = await urls(meta, fragmentUrl);
  const words: Record<string, Record<string, number[]>> = {};
  const forms: string[] = [];
  for (const [, , name] of meta[2]) {
    const file = path.join(dir, 'index', `${name}.pf_index`);
    for (const [word, pages, extra] of decodeCborFile<WordChunk>(await readFile(file), file)[0]) {
      let page = 0;
      words[word] = Object.fromEntries(pages.map(([step, locations]) => [url[(page += step)]!, locations]));
      if (extra.length) forms.push(word);
    }
  }
  const filters: Record<string, string[]> = {};
  for (const [, name] of meta[3]) {
    const file = path.join(dir, 'filter', `${name}.pf_filter`);
    const [filter, values] = decodeCborFile<FilterIndex>(await readFile(file), file);
    for (const [value, pages] of values) filters[`${filter}:${value}`] = pages.map((p) => url[p]!).sort();
  }
  // Pagefind's date sort, or for a reader index, which keeps none, its pages' own order.
  const byDate = meta[4].find(([key]) => key === 'date')?.[1] ?? meta[1].map((_, page) => page);
  const wordCounts = Object.fromEntries(meta[1].map(([, count], page) => [url[page]!, count]));
  return { words, forms, filters, byDate: byDate.map((p) => url[p]), pages: meta[1].length, wordCounts };
}
