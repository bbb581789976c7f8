/**
 * The segments' files into one folder, as hard links (copies across file systems). A file more
 * than one segment wrote (the pages every segment renders: home, search, 404, feeds, sitemap,
 * Astro's assets) must be the same in each: a difference means the segments did not build the
 * same site, and is reported with the file and where the copies first differ.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../site-checks/tree.ts';
import { firstDifference } from '../site-checks/determinism.ts';
import { linkOrCopy } from '../../../src/integrations/link-tree.ts';

export interface JoinSource {
  dir: string;
  /** How messages name it, e.g. `segment 2/3 (dist.2)`. */
  name: string;
}

/** Joins `sources` into `into`, leaving out the files `skip` names; returns the differing copies found. */
export async function joinTrees(sources: readonly JoinSource[], into: string, skip: (file: string) => boolean): Promise<string[]> {
  const owner = new Map<string, JoinSource>();
  const problems: string[] = [];
  for (const source of sources) {
    for (const file of listFiles(source.dir).filter((f) => !skip(f))) {
      const from = path.join(source.dir, file);
      const to = path.join(into, file);
      const first = owner.get(file);
      if (first) {
        const difference = await differenceOf(path.join(first.dir, file), from);
        if (difference) problems.push(`${file}: ${first.name} and ${source.name} wrote different files (${difference})`);
        continue;
      }
      owner.set(file, source);
      await mkdir(path.dirname(to), { recursive: true });
      await linkOrCopy(from, to, constants.COPYFILE_EXCL);
    }
  }
  return problems;
}

/** Where two files differ, or undefined when they hold the same bytes (one file linked twice, often). */
async function differenceOf(a: string, b: string): Promise<string | undefined> {
  const [statA, statB] = await Promise.all([stat(a), stat(b)]);
  if (statA.dev === statB.dev && statA.ino === statB.ino) return undefined;
  const [bytesA, bytesB] = await Promise.all([readFile(a), readFile(b)]);
  return bytesA.equals(bytesB) ? undefined : firstDifference(bytesA, bytesB);
}
