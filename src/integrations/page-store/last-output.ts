/**
 * The keyed pages the last build of a content dir (and segment) put into its output: each page's
 * file there and its key in the page store. A build links them into its new output before it knows
 * a single key (./index.ts), while the site data is still being prepared and one core is idle, and
 * keeps a link only where the page's key turns out the same. So the list is a guess that is always
 * checked, never a source of pages: a page whose key changed, or that is gone, is unlinked again.
 */
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeAbandonedBeside, temporaryName } from '../temporary-names.ts';

/** A page in the output: its file (relative, `articles/a/index.html`) and its key in the store. */
export interface OutputPage {
  file: string;
  key: string;
}

const KEY = /^[\w-]+$/;

/** A relative file of a page in the output: no way out of the output folder, no absolute path. */
const isPageFile = (file: string) =>
  file.endsWith('index.html') && !path.isAbsolute(file) && !file.includes('\0') && !file.split(/[\\/]/).includes('..');

/**
 * The pages in the list's text, if it was written under `version` (the code printing the pages:
 * under another, every key is new and linking ahead would only be undone); none if it is not such
 * a list (a damaged cache is not an error, only slower).
 */
export function parseLastOutput(text: string, version: string): OutputPage[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof list !== 'object' || list === null || !('version' in list) || list.version !== version || !('pages' in list)) return [];
  const pairs = list.pages;
  if (!Array.isArray(pairs)) return [];
  const pages: OutputPage[] = [];
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) return [];
    const [file, key] = pair as unknown[];
    if (typeof file !== 'string' || typeof key !== 'string' || !isPageFile(file) || !KEY.test(key)) return [];
    pages.push({ file, key });
  }
  return pages;
}

const formatLastOutput = (pages: Iterable<OutputPage>, version: string) =>
  JSON.stringify({ version, pages: [...pages].map(({ file, key }) => [file, key]) });

/** The list in `file`, if written under `version`; none if there is none yet. */
export function readLastOutput(file: string, version: string): OutputPage[] {
  try {
    return parseLastOutput(readFileSync(file, 'utf8'), version);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [];
  }
}

/** Writes the list whole or not at all (a temporary file renamed into place). */
export async function writeLastOutput(file: string, pages: Iterable<OutputPage>, version: string): Promise<void> {
  const temporary = temporaryName(file);
  await writeFile(temporary, formatLastOutput(pages, version));
  await rename(temporary, file);
  removeAbandonedBeside(file);
}
