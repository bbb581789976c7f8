/**
 * A folder's files into another folder as hard links: tens of thousands of search files appear in
 * the output in seconds instead of being copied. Only for sources never written in place (the
 * build cache's folders); where a link is impossible (another file system) the file is copied.
 */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LINK_PARALLEL } from '../../config.ts';

export async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const dirs = new Set([
    to,
    ...entries.filter((e) => e.isDirectory()).map((e) => path.join(to, path.relative(from, path.join(e.parentPath, e.name)))),
  ]);
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(from, path.join(e.parentPath, e.name)));
  for (let i = 0; i < files.length; i += LINK_PARALLEL) {
    await Promise.all(
      files.slice(i, i + LINK_PARALLEL).map(async (file) => {
        try {
          await link(path.join(from, file), path.join(to, file));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
          await copyFile(path.join(from, file), path.join(to, file));
        }
      }),
    );
  }
}
