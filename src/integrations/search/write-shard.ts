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

export async function writeShard(records: SearchRecord[], out: string, runtime: string): Promise<void> {
  let runtimeEntry = entries.get(runtime);
  if (!runtimeEntry) entries.set(runtime, (runtimeEntry = JSON.parse(readFileSync(path.join(runtime, ENTRY_FILE), 'utf8')) as Entry));
  const { files, entry } = shardIndex(records, runtimeEntry);
  // The shard's folder and those its files are in (a shard without pages has none, as Pagefind writes none).
  for (const dir of new Set(['.', ...[...files.keys()].map(path.dirname)])) await mkdir(path.join(out, dir), { recursive: true });
  await inBatches([...files], async ([name, payload]) => writeFile(path.join(out, name), await pack(payload)));
  const code = (await readdir(runtime)).filter((name) => BROWSER_CODE.test(name));
  await Promise.all(code.map((name) => linkOrCopy(path.join(runtime, name), path.join(out, name))));
  await writeFile(path.join(out, ENTRY_FILE), JSON.stringify(entry));
}
