/**
 * What a segment build (`npm run build -- --segment I/N`) leaves besides its share of the site, in
 * `<out>/.segment/`, for `npm run assemble`, which removes it: the search shards it indexed as
 * written, but for their fragments (each variant's are in its bundle already) and
 * Pagefind's code (the same in every shard, kept once in `pagefind/`), and a manifest saying which
 * segment of which build this is. `npm run build` adds the validation of the segment's pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { formatSegment, type Segment } from '../../lib/segments.ts';
import { ENTRY_FILE, FILTER_DIR, FRAGMENT_DIR, isMetaFile, WORDS_DIR } from '../../lib/search/pagefind-files.ts';
import { linkTree } from '../link-tree.ts';
import type { SearchIndex } from '../search/write-indexes.ts';
import { buildIdentity } from './identity.ts';

export const SEGMENT_DIR = '.segment';
export const MANIFEST_FILE = 'segment.json';
/** What html-validate said about the segment's pages (scripts/lib/assemble/validation-record.ts). */
export const VALIDATION_FILE = 'validated.json';
/** `shards/<number>/`: a shard's index files; `pagefind/`: Pagefind's code. */
export const SHARDS_DIR = 'shards';
export const CODE_DIR = 'pagefind';

/** Whether a shard's file (by its relative path) is of what the reader index is made of: its entry file, metadata, words and filters. */
const isIndexPart = (file: string) => {
  const top = topOf(file);
  return top === ENTRY_FILE || isMetaFile(top) || top === WORDS_DIR || top === FILTER_DIR;
};
const isFragmentPart = (file: string) => topOf(file) === FRAGMENT_DIR;
/** The first name of a relative path: the file itself, or the folder it is in. */
const topOf = (file: string) => file.split(path.sep, 1)[0]!;

const count = z.number().int().min(1);
export const manifestSchema = z
  .object({
    /** `I/N`, as given to --segment. */
    segment: z.string(),
    index: count,
    count,
    /** How many search shards the whole archive has (segment I holds those numbered I-1, I-1+N, …). */
    shards: z.number().int().min(0),
    /** The build's identity (./identity.ts): segments of one build share it. */
    build: z.string().min(1),
  })
  // Written together: a manifest whose parts disagree was changed by hand.
  .refine((m) => m.index <= m.count && m.segment === formatSegment(m));
export type SegmentManifest = z.infer<typeof manifestSchema>;

export async function writeSegmentOutput(outDir: string, segment: Segment, index: SearchIndex): Promise<void> {
  const root = path.join(outDir, SEGMENT_DIR);
  await mkdir(root, { recursive: true });
  for (const shard of index.shards) {
    await linkTree(shard.dir, path.join(root, SHARDS_DIR, String(shard.number)), isIndexPart);
  }
  const [first] = index.shards;
  if (first) await linkTree(first.dir, path.join(root, CODE_DIR), (file) => !isIndexPart(file) && !isFragmentPart(file));
  const manifest: SegmentManifest = {
    segment: formatSegment(segment),
    ...segment,
    shards: index.shardCount,
    build: await buildIdentity(),
  };
  await writeFile(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
