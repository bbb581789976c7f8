/**
 * The pages a command line names: a file as it is, a folder as every page in it and its
 * sub-folders (in path order, so runs are repeatable). In folders only `.txt` and `.html` files
 * are pages: READMEs and `.meta.yaml` files beside the pages are not.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

export async function pageFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(given); // a missing file is reported when it is read
      continue;
    }
    const entries = await readdir(given, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter((e) => e.isFile() && PAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith('.'))
        .map((e) => path.join(e.parentPath, e.name))
        .sort(),
    );
  }
  return [...new Set(files)];
}
