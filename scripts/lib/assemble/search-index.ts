/**
 * The search index of an assembled site: the segments' shards merged into each volume's reader
 * index as a whole build merges them (writeReaderIndexes, volumes as the search config that every
 * segment wrote says), and linked into both variants' bundles, which hold the segments' fragments
 * and config already. The segments' folder goes.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CODE_DIR, SEGMENT_DIR, SHARDS_DIR } from '../../../src/integrations/segment/output.ts';
import { linkTree } from '../../../src/integrations/link-tree.ts';
import { linkReaderIndexes, writeReaderIndexes } from '../../../src/integrations/search/write-indexes.ts';
import { CONFIG_FILE, type SearchConfig } from '../../../src/lib/search/config.ts';
import { volumesIn } from '../../../src/lib/search/shards.ts';

export async function writeAssembledSearch(site: string, shards: number): Promise<void> {
  const root = path.join(site, SEGMENT_DIR);
  const dirs = Array.from({ length: shards }, (_, i) => path.join(root, SHARDS_DIR, String(i)));
  // Each shard as it was written (but its fragments): the segments kept Pagefind's code once.
  for (const dir of dirs) await linkTree(path.join(root, CODE_DIR), dir);
  const file = path.join(site, 'pagefind', CONFIG_FILE);
  const config = JSON.parse(await readFile(file, 'utf8')) as SearchConfig;
  const volumes = volumesIn(config.volumes, shards);
  const { readers } = await writeReaderIndexes(
    dirs,
    volumes,
    {},
    {
      held: () => undefined,
      make: async (volume, write) => {
        const out = path.join(root, 'reader', String(volume.shards[0]));
        await write(out);
        return out;
      },
    },
  );
  await linkReaderIndexes(readers, volumes, site);
  await rm(root, { recursive: true, force: true });
}
