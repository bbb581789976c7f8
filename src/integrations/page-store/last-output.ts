/**
 * The keyed pages the last build of a content dir (and segment) put into its output: each page's
 * file there and its key in the page store. A build links them into its new output before it knows
 * a single key (./index.ts), while the site data is still being prepared and one core is idle, and
 * keeps a link only where the page's key turns out the same. So the list is a guess that is always
 * checked, never a source of pages: a page whose key changed, or that is gone, is unlinked again.
 */
import path from 'node:path';
import { parseVersionedList, readVersionedList, writeVersionedList } from '../versioned-list.ts';

/** A page in the output: its file (relative, `articles/a/index.html`) and its key in the store. */
export interface OutputPage {
  file: string;
  key: string;
}

const KEY = /^[\w-]+$/;

/** A `..` among a path's parts: tested, not split, for 105,000 files of a 50,000-article list (0.35 s of a thread, `node --cpu-prof`). */
const PARENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/** A relative file of a page in the output: no way out of the output folder, no absolute path. */
const isPageFile = (file: string) => file.endsWith('index.html') && !path.isAbsolute(file) && !file.includes('\0') && !PARENT.test(file);

/** The pages of a list's entries; none if any is not a page (a damaged cache is not an error, only slower). */
function pagesOf(entries: unknown[] | undefined): OutputPage[] {
  const pages: OutputPage[] = [];
  for (const pair of entries ?? []) {
    if (!Array.isArray(pair) || pair.length !== 2) return [];
    const [file, key] = pair as unknown[];
    if (typeof file !== 'string' || typeof key !== 'string' || !isPageFile(file) || !KEY.test(key)) return [];
    pages.push({ file, key });
  }
  return pages;
}

/**
 * The pages in the list's text, if it was written under `version` (the code printing the pages:
 * under another, every key is new and linking ahead would only be undone).
 */
export const parseLastOutput = (text: string, version: string) => pagesOf(parseVersionedList(text, version));

/** The list in `file`, if written under `version`; none if there is none yet. */
export const readLastOutput = (file: string, version: string) => pagesOf(readVersionedList(file, version));

export const writeLastOutput = (file: string, pages: Iterable<OutputPage>, version: string) =>
  writeVersionedList(
    file,
    version,
    [...pages].map(({ file, key }) => [file, key]),
  );
