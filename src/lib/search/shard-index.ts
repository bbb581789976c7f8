/**
 * A search shard's index made here from its records, in the files and formats Pagefind 1.6 writes
 * (pagefind-files.ts), instead of by Pagefind's indexing service: Pagefind took about 7 ms of CPU an
 * article, the most of any step of a cold build (BENCHMARKS.md, issue 13), and the reader index's
 * merge reads and writes these files again anyway.
 *
 * It can, because every token is lower-case ASCII (tokens.ts), which Pagefind keys as written: what
 * Pagefind does with such a record is to split its content at spaces, give each word the next
 * position and its default weight, and drop a record without words. tests/unit/search/shard-index.test.ts
 * checks the result against Pagefind's own index of the same records. Pagefind still writes the
 * browser's code (`runtime`, made once) and indexes the comparison segmentation (query.ts), which
 * needs its segmenter.
 */
import { createHash } from 'node:crypto';
import { byteOrder } from './merge-index.ts';
import {
  encodeCbor,
  encodeShardWords,
  pagefindFile,
  type Entry,
  type FilterIndex,
  type Meta,
  type MetaFilter,
  type MetaSort,
  type ShardWord,
} from './pagefind-files.ts';
import type { SearchRecord } from './records.ts';

/** Pagefind's weight for a word outside any weighted element (24), as it marks it before a page's positions. */
const DEFAULT_WEIGHT_MARK = -25;
/**
 * Words in each of a shard's word chunks. The merge into the reader index (merge-index.ts) holds
 * the chunk it is at of every shard, decoded: with all of a shard's words (about 24,000) in one
 * chunk, that was every word of the volume at once, 0.8 GB of a 10,000-article build's peak.
 */
const SHARD_CHUNK_WORDS = 4_000;
/** Content of tokens only (lower-case ASCII letters and digits, spaces between). */
const TOKENS = /^[0-9a-z ]*$/;

/** A shard's files by path in its folder, as payloads (pagefind-files.ts `pack` makes them files), and its entry file. */
export interface ShardIndex {
  files: Map<string, Buffer>;
  entry: Entry;
}

const nameOf = (language: string, payload: Uint8Array) => `${language}_${createHash('sha1').update(payload).digest('hex').slice(0, 11)}`;

/** The shard of `records`, in order; `runtime`: the entry file Pagefind wrote with its browser code. */
export function shardIndex(records: readonly SearchRecord[], runtime: Entry): ShardIndex {
  const files = new Map<string, Buffer>();
  const pages = records.map((record) => ({ record, words: record.content.split(' ').filter(Boolean) })).filter((p) => p.words.length > 0);
  // A shard without pages (an archive of drafts only) is indexed in the runtime's language all the
  // same: Pagefind writes no language for it, and a reader index is merged from one.
  const language = pages[0]?.record.language ?? soleLanguageOf(runtime);
  if (pages.some((p) => p.record.language !== language)) throw new Error('search: the records of a shard must share one language');
  const wasm = runtime.languages[language]?.wasm;
  if (wasm === undefined)
    throw new Error(`search: Pagefind's runtime was made for ${Object.keys(runtime.languages).join(', ')}, not ${language}`);

  const words = new Map<string, ShardWord>();
  const filters = new Map<string, Map<string, number[]>>();
  const metaPages: Meta[1] = [];
  pages.forEach(({ record, words: parts }, page) => {
    if (!TOKENS.test(record.content)) {
      const word = parts.find((part) => !TOKENS.test(part))!;
      throw new Error(`search: "${word}" of ${record.url} is not a token (tokens.ts)`);
    }
    // A page's own map first: looking each token up in the shard's (tens of thousands of words) was slower.
    const positions = new Map<string, number[]>();
    parts.forEach((word, position) => {
      const list = positions.get(word);
      if (list) list.push(position);
      else positions.set(word, [position]);
    });
    for (const [word, list] of positions) {
      const entry = words.get(word);
      if (entry) entry.pages.push({ page, positions: list });
      else words.set(word, { word, pages: [{ page, positions: list }] });
    }
    for (const [filter, values] of Object.entries(record.filters)) {
      const byValue = filters.get(filter) ?? filters.set(filter, new Map()).get(filter)!;
      for (const value of values) {
        const list = byValue.get(value);
        if (list) list.push(page);
        else byValue.set(value, [page]);
      }
    }
    const fragment = `${language}_${page.toString(36)}`;
    // The content is every variant's own text, written into its copy of the fragments (write-indexes.ts).
    const json = { url: record.url, content: '', word_count: parts.length, filters: record.filters, meta: {}, anchors: [] };
    files.set(pagefindFile.fragment(fragment), Buffer.from(JSON.stringify(json)));
    metaPages.push([fragment, parts.length, '']);
  });

  const sorted = [...words.keys()].sort(byteOrder).map((word) => words.get(word)!);
  const chunks: Meta[2] = [];
  for (let i = 0; i < sorted.length; i += SHARD_CHUNK_WORDS) {
    const words = sorted.slice(i, i + SHARD_CHUNK_WORDS);
    const chunk = encodeShardWords(words, DEFAULT_WEIGHT_MARK);
    const name = nameOf(language, chunk);
    files.set(pagefindFile.words(name), chunk);
    chunks.push([words[0]!.word, words.at(-1)!.word, name]);
  }

  const metaFilters: MetaFilter[] = [...filters.keys()].sort(byteOrder).map((filter) => {
    const values = filters.get(filter)!;
    const index: FilterIndex = [filter, [...values.keys()].sort(byteOrder).map((value) => [value, values.get(value)!])];
    const payload = encodeCbor(index);
    const name = nameOf(language, payload);
    files.set(pagefindFile.filter(name), payload);
    return [filter, name];
  });

  const meta: Meta = [runtime.version, metaPages, chunks, metaFilters, sortsOf(pages.map((p) => p.record.sort)), []];
  const metaPayload = encodeCbor(meta);
  const metaName = nameOf(language, metaPayload);
  files.set(pagefindFile.meta(metaName), metaPayload);
  return { files, entry: { ...runtime, languages: { [language]: { hash: metaName, wasm, page_count: pages.length } } } };
}

function soleLanguageOf(runtime: Entry): string {
  const languages = Object.keys(runtime.languages);
  if (languages.length !== 1) throw new Error(`search: Pagefind's runtime holds ${languages.length} languages; a shard is indexed in one`);
  return languages[0]!;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Each sort key's pages in the order of its values, as Pagefind orders them: as numbers when every
 * value is one (compared as 32-bit floats, ties in page order), else as strings.
 */
function sortsOf(sorts: readonly Record<string, string>[]): MetaSort[] {
  const keys = [...new Set(sorts.flatMap((s) => Object.keys(s)))].sort(byteOrder);
  return keys.map((key) => {
    const values = sorts.flatMap((s, page) => (key in s ? [{ value: s[key]!, page }] : []));
    if (values.every(({ value }) => NUMBER.test(value))) {
      const at = values.map(({ value, page }) => ({ number: Math.fround(Number(value)), page }));
      return [key, at.sort((a, b) => a.number - b.number).map((v) => v.page)];
    }
    return [key, values.sort((a, b) => byteOrder(a.value, b.value)).map((v) => v.page)];
  });
}
