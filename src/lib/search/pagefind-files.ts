/**
 * Pagefind's own file formats, as its browser code reads them (pagefind_web/src/*.rs of the pinned
 * version): every file is gzip of a signature and a payload; the fragments' payload is JSON, the
 * index's (meta, word chunks, filters) CBOR of fixed-length arrays. Our own code writes these
 * formats: the shards (shard-index.ts) and the reader index (merge-index.ts). Checked against the
 * pinned Pagefind by tests/unit/search/pagefind-files.test.ts, shard-index.test.ts and the browser tests.
 */
import { promisify } from 'node:util';
import { constants, gunzipSync, gzip } from 'node:zlib';
import { decode, encode } from 'cborg';

const SIGNATURE = 'pagefind_dcd';

/** The folder of an index's fragments (`pagefindFile.fragment`). */
export const FRAGMENT_DIR = 'fragment';
/** The folders of an index's word chunks and filters. */
export const WORDS_DIR = 'index';
export const FILTER_DIR = 'filter';
/**
 * Where an index keeps each file, relative to its folder, by the name its metadata gives the file
 * (a hash; for a fragment, the page's name). The one place these names are spelled: the indexes
 * are written (shard-index.ts, reader-index.ts), read, and checked whole (the site checks) by them.
 */
export const pagefindFile = {
  meta: (name: string) => `pagefind.${name}.pf_meta`,
  words: (name: string) => `${WORDS_DIR}/${name}.pf_index`,
  filter: (name: string) => `${FILTER_DIR}/${name}.pf_filter`,
  /** Within FRAGMENT_DIR. */
  fragmentInDir: (name: string) => `${name}.pf_fragment`,
  fragment: (name: string) => `${FRAGMENT_DIR}/${name}.pf_fragment`,
};
/** Whether a file name is an index's metadata (`pagefindFile.meta`). */
export const isMetaFile = (name: string) => name.startsWith('pagefind.') && name.endsWith('.pf_meta');
/** Every file `meta` names, relative to its index's folder. */
export const filesNamedBy = (meta: Meta) => [
  ...meta[2].map(([, , name]) => pagefindFile.words(name)),
  ...meta[3].map(([, name]) => pagefindFile.filter(name)),
  ...meta[1].map(([fragment]) => pagefindFile.fragment(fragment)),
];
/** The file that names an index's metadata file, by language. */
export const ENTRY_FILE = 'pagefind-entry.json';
/** Pagefind's browser code, the same in every index it writes. */
export const BROWSER_CODE = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/** A page of the index: its fragment's name, its word count, and what else this version keeps. */
export type MetaPage = [fragment: string, wordCount: number, ...rest: unknown[]];
/** The word chunk holding the words from `from` to `to` (in byte order), by its file's name. */
export type MetaChunk = [from: string, to: string, name: string];
export type MetaFilter = [filter: string, name: string];
/** The page numbers in order of a sort key's values, ascending. */
export type MetaSort = [key: string, pages: number[]];
/** `pagefindFile.meta`: what the browser loads first. The last field is empty in our indexes. */
export type Meta = [version: string, pages: MetaPage[], chunks: MetaChunk[], filters: MetaFilter[], sorts: MetaSort[], unused: unknown[]];
/**
 * Where a word is on one page: the page's number as a step from the previous page's (the word's
 * pages are in ascending order; the first step is from 0), and its positions, with negative
 * entries changing the weight of those after. The last field is empty in our indexes.
 */
export type PageLocations = [pageStep: number, locations: number[], unused: unknown[]];
export type PackedWord = [word: string, pages: PageLocations[], unused: unknown[]];
/** `pagefindFile.words`. */
export type WordChunk = [words: PackedWord[]];

/** `pagefindFile.filter`: each value's pages. */
export type FilterIndex = [filter: string, values: [value: string, pages: number[]][]];

/**
 * A word of a word chunk as the merge handles it: its pages as runs of CBOR kept as they came, one
 * run per shard. Locations are most of an index (50 million at 10,000 articles) and the merge never
 * changes them; a page's number is a step from the page before it, so of a shard's run only the
 * first step changes. Decoding every page into arrays and encoding them again took most of the
 * merge's time.
 */
export interface RawWord {
  word: string;
  runs: PageRun[];
}
export interface PageRun {
  pages: number;
  /** The first page's step. */
  first: number;
  /** The CBOR after the first step: its locations, its unused field, then every later page. */
  rest: Uint8Array;
  /** The sum of the steps: the number of the run's last page, counted from its shard's first. */
  last: number;
  /** Locations plus one per page, which is how Pagefind counts a chunk's size. */
  size: number;
}

/** `pagefind-entry.json`. */
export interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

function unpack(file: Uint8Array, name: string): Buffer {
  const data = gunzipSync(file);
  if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    throw new Error(`search: ${name} is not a Pagefind file (no "${SIGNATURE}" signature)`);
  }
  return data.subarray(SIGNATURE.length);
}

const gzipAsync = promisify(gzip);
/**
 * zlib's default level, where Pagefind uses the best (9): at 10,000 articles the best level made
 * the reader index 0.5 % smaller (60.3 MB against 60.6 MB) and took 19 s to write instead of 7.
 */
const LEVEL = constants.Z_DEFAULT_COMPRESSION;
/** A file of `payload`, compressed on Node's thread pool. */
export const pack = (payload: Uint8Array): Promise<Buffer> =>
  gzipAsync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), payload]), { level: LEVEL });

export const decodeJsonFile = (file: Uint8Array, name: string): Record<string, unknown> =>
  JSON.parse(unpack(file, name).toString('utf8')) as Record<string, unknown>;
export const encodeJsonFile = (value: Record<string, unknown>): Promise<Buffer> => pack(Buffer.from(JSON.stringify(value), 'utf8'));

export const decodeCborFile = <T>(file: Uint8Array, name: string): T => decode(unpack(file, name)) as T;
/** The CBOR of `value`, before it is packed into a file. */
export const encodeCbor = (value: unknown): Buffer => Buffer.from(encode(value));
export const encodeCborFile = (value: unknown): Promise<Buffer> => pack(encodeCbor(value));

/** Reads CBOR heads (major type and argument) and skips items: all a word chunk's scan needs. */
class Scanner {
  at = 0;
  private readonly data: Buffer;
  private readonly name: string;

  constructor(data: Buffer, name: string) {
    this.data = data;
    this.name = name;
  }

  head(major: number): number {
    const initial = this.data[this.at++]!;
    if (initial >> 5 !== major)
      throw new Error(
        `search: ${this.name} is not a word chunk this merge can read (CBOR type ${initial >> 5} at byte ${this.at - 1}, expected ${major})`,
      );
    const info = initial & 31;
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size) throw new Error(`search: ${this.name} has a CBOR item this merge does not read (additional information ${info})`);
    const value = this.data.readUIntBE(this.at, size);
    this.at += size;
    return value;
  }

  text(): string {
    const length = this.head(3);
    this.at += length;
    return this.data.toString('utf8', this.at - length, this.at);
  }

  /** Skips an array of integers, returning its length. */
  integers(): number {
    const length = this.head(4);
    for (let i = 0; i < length; i++) {
      const info = this.data[this.at]! & 31;
      if (this.data[this.at]! >> 6 !== 0) throw new Error(`search: ${this.name} has a location that is not an integer at byte ${this.at}`);
      this.at += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
    }
    return length;
  }
}

/** A word chunk's words, pages left as CBOR. */
export function decodeWordChunk(file: Uint8Array, name: string): RawWord[] {
  const data = unpack(file, name);
  const scan = new Scanner(data, name);
  if (scan.head(4) !== 1) throw new Error(`search: ${name} is not a word chunk (its top array is not of one)`);
  const words: RawWord[] = new Array(scan.head(4));
  const unknown = (word: string) =>
    new Error(`search: the word "${word}" in ${name} carries data this merge does not know (a newer Pagefind?)`);
  for (let w = 0; w < words.length; w++) {
    if (scan.head(4) !== 3) throw new Error(`search: ${name} has a word that is not [word, pages, unused]`);
    const word = scan.text();
    const pages = scan.head(4);
    if (!pages) throw new Error(`search: the word "${word}" in ${name} is on no page`);
    let first = 0;
    let start = 0;
    let last = 0;
    let size = 0;
    for (let p = 0; p < pages; p++) {
      if (scan.head(4) !== 3) throw new Error(`search: ${name} has a page of "${word}" that is not [step, locations, unused]`);
      const step = scan.head(0);
      if (p === 0) {
        first = step;
        start = scan.at;
      }
      last += step;
      size += scan.integers() + 1;
      if (scan.integers() !== 0) throw unknown(word);
    }
    const rest = data.subarray(start, scan.at);
    if (scan.head(4) !== 0) throw unknown(word);
    words[w] = { word, runs: [{ pages, first, rest, last, size }] };
  }
  return words;
}

/** One page of a word: its number, and its CBOR after the step (locations, unused field). */
export interface WordPage {
  page: number;
  body: Uint8Array;
  /** Its locations' count (a chunk's size counts them). */
  locations: number;
}

/**
 * A word's pages one by one, numbered from its runs' base (0 for a shard's word, the volume's first
 * page for a reader index's): what a merge that patches a few pages of a word needs, where the
 * whole merge keeps runs whole.
 */
export function pagesOf({ runs }: RawWord): WordPage[] {
  const pages: WordPage[] = [];
  let page = 0;
  for (const run of runs) {
    const rest = Buffer.from(run.rest.buffer, run.rest.byteOffset, run.rest.byteLength);
    const scan = new Scanner(rest, 'a word');
    for (let p = 0; p < run.pages; p++) {
      if (p > 0 && scan.head(4) !== 3) throw new Error('search: a page of a word is not [step, locations, unused]');
      page += p === 0 ? run.first : scan.head(0);
      const start = scan.at;
      const locations = scan.integers();
      scan.integers();
      pages.push({ page, body: rest.subarray(start, scan.at), locations });
    }
  }
  return pages;
}

/** The word of `pages` (in ascending order, at least one) as one run, as encodeWordChunk writes it. */
export function wordOf(word: string, pages: WordPage[]): RawWord {
  const [head, ...others] = pages;
  if (!head) throw new Error(`search: the word "${word}" is on no page`);
  const steps = others.map((p, i) => p.page - pages[i]!.page);
  const out = new Writer(others.reduce((sum, p, i) => sum + 1 + headSize(steps[i]!) + p.body.length, head.body.length));
  out.bytes(head.body);
  others.forEach(({ body }, i) => {
    out.head(4, 3);
    out.head(0, steps[i]!);
    out.bytes(body);
  });
  const size = pages.reduce((sum, p) => sum + p.locations + 1, 0);
  return { word, runs: [{ pages: pages.length, first: head.page, rest: out.data, last: pages.at(-1)!.page, size }] };
}

/** The size of a CBOR head for `value`, in the shortest form, as minicbor writes it. */
const headSize = (value: number) => (value < 24 ? 1 : value < 0x100 ? 2 : value < 0x10000 ? 3 : 5);

/** Writes CBOR into one buffer of a size known beforehand: a chunk has some 100,000 pages, and a buffer each cost more than the rest. */
class Writer {
  at = 0;
  readonly data: Buffer;

  constructor(size: number) {
    this.data = Buffer.allocUnsafe(size);
  }

  head(major: number, value: number): void {
    const type = major << 5;
    const d = this.data;
    if (value < 24) d[this.at++] = type | value;
    else if (value < 0x100) {
      d[this.at++] = type | 24;
      d[this.at++] = value;
    } else if (value < 0x10000) {
      d[this.at++] = type | 25;
      this.at = d.writeUInt16BE(value, this.at);
    } else {
      d[this.at++] = type | 26;
      this.at = d.writeUInt32BE(value, this.at);
    }
  }

  bytes(bytes: Uint8Array): void {
    this.data.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Ascending integers as the steps between them (the first from 0), each a CBOR unsigned integer: a word's positions on a page. */
  steps(values: readonly number[]): void {
    const d = this.data;
    let at = this.at;
    let previous = 0;
    for (let i = 0; i < values.length; i++) {
      const step = values[i]! - previous;
      previous = values[i]!;
      // Most steps are below 24 (one byte) or 256 (two): written here, the rest by `head`.
      if (step < 24) d[at++] = step;
      else if (step < 0x100) {
        d[at++] = 24;
        d[at++] = step;
      } else {
        this.at = at;
        this.head(0, step);
        at = this.at;
      }
    }
    this.at = at;
  }
}

/** A word of a shard as its writer collects it: each page it is on (ascending) and its positions there (ascending). */
export interface ShardWord {
  word: string;
  pages: { page: number; positions: number[] }[];
}

/** The largest head Writer writes (a 32-bit argument). */
const MAX_HEAD = 5;
/** CBOR's size of an integer, negative ones included. */
const intSize = (value: number) => headSize(value < 0 ? -1 - value : value);

/**
 * The CBOR of a word chunk from a shard's words (shard-index.ts): each page's number as a step
 * from the one before, its positions after `mark` (the weight they have) as steps from the one
 * before too, as Pagefind writes them. In one buffer, as encodeWordChunk writes a merged chunk.
 */
export function encodeShardWords(words: ShardWord[], mark: number): Buffer {
  // A bound, not the size: counting every position's bytes first took a third of the time.
  let size = 1 + headSize(words.length);
  const texts = words.map(({ word, pages }) => {
    const text = Buffer.from(word, 'utf8');
    size += 1 + headSize(text.length) + text.length + headSize(pages.length) + 1;
    for (const { positions } of pages)
      size += 1 + MAX_HEAD + headSize(positions.length + 1) + intSize(mark) + 1 + MAX_HEAD * positions.length;
    return text;
  });
  const out = new Writer(size);
  out.head(4, 1);
  out.head(4, words.length);
  words.forEach(({ pages }, w) => {
    const text = texts[w]!;
    out.head(4, 3);
    out.head(3, text.length);
    out.bytes(text);
    out.head(4, pages.length);
    let previous = 0;
    for (const { page, positions } of pages) {
      out.head(4, 3);
      out.head(0, page - previous);
      previous = page;
      out.head(4, positions.length + 1);
      out.head(mark < 0 ? 1 : 0, mark < 0 ? -1 - mark : mark);
      out.steps(positions);
      out.head(4, 0);
    }
    out.head(4, 0);
  });
  return out.data.subarray(0, out.at);
}

/** The CBOR of a word chunk (`[[word, [[step, locations, unused], …], unused], …]`) from raw words. */
export function encodeWordChunk(words: RawWord[]): Buffer {
  let size = 1 + headSize(words.length);
  const texts = words.map(({ word, runs }) => {
    const text = Buffer.from(word, 'utf8');
    const pages = runs.reduce((sum, run) => sum + run.pages, 0);
    size += 1 + headSize(text.length) + text.length + headSize(pages) + 1;
    for (const run of runs) size += 1 + headSize(run.first) + run.rest.length;
    return { text, pages };
  });
  const out = new Writer(size);
  out.head(4, 1);
  out.head(4, words.length);
  words.forEach(({ runs }, w) => {
    const { text, pages } = texts[w]!;
    out.head(4, 3);
    out.head(3, text.length);
    out.bytes(text);
    out.head(4, pages);
    for (const run of runs) {
      out.head(4, 3);
      out.head(0, run.first);
      out.bytes(run.rest);
    }
    out.head(4, 0);
  });
  return out.data;
}
