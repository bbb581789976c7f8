/**
 * Lists the build cache keeps for the next build (the pages of the last output, the pages' keys):
 * JSON `{ version, pages }`, taken back only under the same version (what the entries were made
 * by), and written whole or not at all (a temporary file renamed into place). A list that is
 * damaged or of another version is no list: not an error, its entries are made again.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeAbandonedBeside, temporaryName } from './temporary-names.ts';

/** The entries of the list's text, if it was written under `version`. */
export function parseVersionedList(text: string, version: string): unknown[] | undefined {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof list !== 'object' || list === null || !('version' in list) || list.version !== version || !('pages' in list)) return undefined;
  return Array.isArray(list.pages) ? list.pages : undefined;
}

/** The entries of the list in `file`, if written under `version`; none if there is no list yet. */
export function readVersionedList(file: string, version: string): unknown[] | undefined {
  try {
    return parseVersionedList(readFileSync(file, 'utf8'), version);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

export async function writeVersionedList(file: string, version: string, pages: readonly unknown[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  await writeFile(temporary, JSON.stringify({ version, pages }));
  await rename(temporary, file);
  removeAbandonedBeside(file);
}
