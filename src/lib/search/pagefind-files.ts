/**
 * Pagefind's own file formats, as its browser code reads them (pagefind_web/src/*.rs of the pinned
 * version): every file is gzip of a signature and a payload; the fragments' payload is JSON, the
 * index's (meta, word chunks, filters) CBOR of fixed-length arrays. The reader index is written in
 * these formats from the shards Pagefind wrote (merge-index.ts). Checked against the pinned
 * Pagefind by tests/unit/search/pagefind-files.test.ts and the browser tests.
 */
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import { Decoder, Encoder } from 'cbor-x';

const SIGNATURE = 'pagefind_dcd';

/** A page of the index: its fragment's name, its word count, and what else this version keeps. */
export type MetaPage = [fragment: string, wordCount: number, ...rest: unknown[]];
/** The word chunk holding the words from `from` to `to` (in byte order), by its file's name. */
export type MetaChunk = [from: string, to: string, name: string];
export type MetaFilter = [filter: string, name: string];
/** The page numbers in order of a sort key's values, ascending. */
export type MetaSort = [key: string, pages: number[]];
/** `pagefind.<name>.pf_meta`: what the browser loads first. The last field is empty in our indexes. */
export type Meta = [version: string, pages: MetaPage[], chunks: MetaChunk[], filters: MetaFilter[], sorts: MetaSort[], unused: unknown[]];
/**
 * Where a word is on one page: the page's number as a step from the previous page's (the word's
 * pages are in ascending order; the first step is from 0), and its positions, with negative
 * entries changing the weight of those after. The last field is empty in our indexes.
 */
export type PageLocations = [pageStep: number, locations: number[], unused: unknown[]];
export type PackedWord = [word: string, pages: PageLocations[], unused: unknown[]];
/** `index/<name>.pf_index`. */
export type WordChunk = [words: PackedWord[]];
/** `filter/<name>.pf_filter`: each value's pages. */
export type FilterIndex = [filter: string, values: [value: string, pages: number[]][]];

/** `pagefind-entry.json`. */
export interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

// Plain CBOR only: cbor-x's record and structure extensions are not Pagefind's.
const cbor = { useRecords: false, mapsAsObjects: false, variableMapSize: true } as const;
const encoder = new Encoder(cbor);
const decoder = new Decoder(cbor);

function unpack(file: Uint8Array, name: string): Buffer {
  const data = gunzipSync(file);
  if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    throw new Error(`search: ${name} is not a Pagefind file (no "${SIGNATURE}" signature)`);
  }
  return data.subarray(SIGNATURE.length);
}

// Pagefind compresses at the best level too: these bytes are what a reader downloads.
const pack = (payload: Uint8Array) =>
  gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), payload]), { level: constants.Z_BEST_COMPRESSION });

export const decodeJsonFile = (file: Uint8Array, name: string): Record<string, unknown> =>
  JSON.parse(unpack(file, name).toString('utf8')) as Record<string, unknown>;
export const encodeJsonFile = (value: Record<string, unknown>): Buffer => pack(Buffer.from(JSON.stringify(value), 'utf8'));

export const decodeCborFile = <T>(file: Uint8Array, name: string): T => decoder.decode(unpack(file, name)) as T;
export const encodeCborFile = (value: unknown): Buffer => pack(encoder.encode(value));
