/**
 * A shard's index written into its folder from its records (lib/search/shard-index.ts), with
 * Pagefind's browser code linked from the runtime folder Pagefind wrote (pagefind-index.ts).
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BROWSER_CODE, ENTRY_FILE, pack, type Entry } from '../../lib/search/pagefind-files.ts';
import type { SearchRecord } from '../../lib/search/records.ts';
import { shardIndex } from '../../lib/search/shard-index.ts';
import { inBatches, linkOrCopy } from '../link-tree.ts';

const entries = new Map<string, Entry>();

/** The entry file Pagefind wrote into `runtime` (a build-cache folder), read once a thread. */
function runtimeEntryOf(runtime: string): Entry {
  let entry = entries.get(runtime);
  if (entry) return entry;
  const file = path.join(runtime, ENTRY_FILE);
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (typeof entry.version !== 'string' || typeof entry.languages !== 'object' || entry.languages === null)
      throw new Error('not an entry file');
  } catch (error) {
    throw new Error(
      `search: ${file} in the build cache cannot be read (${(error as Error).message}): delete ${runtime} (or the whole build cache, always safe) and build again`,
      { cause: error },
    );
  }
  entries.set(runtime, entry);
  return entry;
}

export async function writeShard(records: SearchRecord[], out: string, runtime: string): Promise<void> {
  const runtimeEntry = runtimeEntryOf(runtime);
  const { files, entry } = shardIndex(records, runtimeEntry);
  // The shard's folder and those its files are in (a shard without pages has none, as Pagefind writes none).
  for (const dir of new Set(['.', ...[...files.keys()].map(path.dirname)])) await mkdir(path.join(out, dir), { recursive: true });
  await inBatches([...files], async ([name, payload]) => writeFile(path.join(out, name), await pack(payload)));
  const code = (await readdir(runtime)).filter((name) => BROWSER_CODE.test(name));
  await Promise.all(code.map((name) => linkOrCopy(path.join(runtime, name), path.join(out, name))));
  await writeFile(path.join(out, ENTRY_FILE), JSON.stringify(entry));
}
