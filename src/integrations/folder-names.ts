/** What folders hold: the names in one, and the files in a whole tree. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The names in a folder of the build cache: none where no build has made it yet. */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [];
  }
}

/**
 * The files under a folder, a folder at a time: each folder's path relative to it ('' for itself)
 * and the names of the files in it. Listed with `withFileTypes`, not stat by stat: Node's recursive
 * `readdirSync` stats every entry, which took 0.54 s of the 2.7 s a thread spent on the search
 * bundles' 145,000 files at 50,000 articles (node --cpu-prof); this takes 79 ms. Symbolic links
 * are not followed (the trees listed hold none).
 */
export function* filesByFolder(root: string): Generator<{ folder: string; files: string[] }> {
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const files: string[] = [];
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(path.join(folder, entry.name));
      else if (entry.isFile()) files.push(entry.name);
    }
    yield { folder, files };
  }
}

/** The files under a folder, by their path relative to it. */
export function filesUnder(root: string): string[] {
  return [...filesByFolder(root)].flatMap(({ folder, files }) => files.map((name) => path.join(folder, name)));
}
