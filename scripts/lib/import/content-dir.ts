/**
 * Is `--out` a content folder? The importer writes articles/, channels.yaml and merchants.yaml into
 * it, so a wrong folder (`--out content/articles`) would scatter registries where nothing reads them.
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_FILES } from '../../../src/integrations/site-data/load-content.ts';

const CONTENT_ENTRIES: readonly string[] = Object.values(CONTENT_FILES);

const FILE = ['(a file)'];

async function entries(dir: string): Promise<string[] | undefined> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'ENOTDIR') return FILE;
    throw error;
  });
}

const isContentFolder = (names: readonly string[] | undefined) =>
  names?.some((n) => CONTENT_ENTRIES.includes(n) && n !== 'articles') ?? false;

/** Why `out` can't take an import, or undefined when it can (a content folder, or a new or empty one). */
export async function outFolderProblem(out: string): Promise<string | undefined> {
  if (out.trim() === '') return '--out is empty: name the content folder (--out content, the default)';
  // A link to an articles folder is that folder.
  const resolved = await realpath(out).catch(() => path.resolve(out));
  for (let dir = resolved; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const parent = path.dirname(dir);
    if (path.basename(dir) === 'articles' && isContentFolder(await entries(parent))) {
      const suggestion = path.relative(process.cwd(), parent) || '.';
      return (
        `--out ${out} is inside the articles folder of the content folder ${suggestion}: the importer writes articles/, ` +
        `channels.yaml and merchants.yaml into a content folder itself. Pass --out ${suggestion}`
      );
    }
  }
  const names = await entries(resolved);
  if (names === FILE) return `--out ${out} is a file: name the content folder (--out content, the default) or a new folder`;
  if (names === undefined || names.length === 0 || names.some((n) => CONTENT_ENTRIES.includes(n))) return undefined;
  return (
    `--out ${out} is not a content folder: it holds neither articles/ nor channels.yaml, merchants.yaml or glossary.yaml. ` +
    'Pass the content folder (--out content, the default) or a new or empty folder'
  );
}
