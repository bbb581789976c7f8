/**
 * The search index of an assembled site: the segments' shards merged into the reader index as a
 * whole build merges them (writeReaderIndex, in shard order), and linked into both variants'
 * bundles, which hold the segments' fragments and config already. The segments' folder goes.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CODE_DIR, SEGMENT_DIR, SHARDS_DIR } from '../../../src/integrations/segment/output.ts';
import { linkTree } from '../../../src/integrations/search/link-tree.ts';
import { writeReaderIndex } from '../../../src/integrations/search/reader-index.ts';
import { linkReaderIndex } from '../../../src/integrations/search/write-indexes.ts';

export async function writeAssembledSearch(site: string, shards: number): Promise<void> {
  const root = path.join(site, SEGMENT_DIR);
  const dirs = Array.from({ length: shards }, (_, i) => path.join(root, SHARDS_DIR, String(i)));
  // Each shard as Pagefind wrote it (but its fragments): the segments kept Pagefind's code once.
  for (const dir of dirs) await linkTree(path.join(root, CODE_DIR), dir);
  const reader = path.join(root, 'reader');
  await writeReaderIndex(dirs, reader);
  await linkReaderIndex(reader, site);
  await rm(root, { recursive: true, force: true });
}
