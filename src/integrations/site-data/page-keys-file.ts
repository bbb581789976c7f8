/**
 * Where a build leaves its pages' keys for the next build of the same content dir (and segment),
 * with the hash of the facts they were made of (../../lib/route-data/page-keys.ts): the next build
 * takes them only under the same facts. A list that is damaged, or was written under other facts,
 * is not read (not an error: the keys are made again).
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { settings, type Settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';
import type { KnownKey, PageKeys } from '../../lib/route-data/page-keys.ts';
import { treeVersion } from '../code-version.ts';
import { cacheScope } from '../folder-cache.ts';
import { PAGE_PRODUCERS } from '../page-store/index.ts';
import { removeAbandonedBeside, temporaryName } from '../temporary-names.ts';
import type { Segment } from '../../lib/segments.ts';

/** Settings that change how a build runs, never what a page prints: the others are facts. */
const HOW_IT_RUNS: readonly (keyof Settings)[] = ['buildCacheDir', 'buildTimings', 'distDir', 'searchIndexThreads', 'checkPageKeys'];

/**
 * The hash of `facts` (the site's data but the articles' bodies, as the caller lists it), of the
 * settings a page may print and of the code printing the pages.
 */
export function factsVersion(...facts: unknown[]): string {
  const printed = Object.fromEntries(Object.entries(settings).filter(([name]) => !HOW_IT_RUNS.includes(name as keyof Settings)));
  return hashOf(treeVersion(PAGE_PRODUCERS), JSON.stringify(printed), ...facts.map((fact) => JSON.stringify(fact) ?? ''));
}

/** The file of the keys of a content dir's (and segment's) builds. */
export const pageKeysFile = (contentDir: string, segment: Segment | undefined) =>
  path.join(settings.buildCacheDir, `page-keys-${hashOf(cacheScope(contentDir, segment)).slice(0, 10)}.json`);

/** The keys in the list's text, if it was written under `facts`; none otherwise. */
export function parsePageKeys(text: string, facts: string): [string, KnownKey][] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof list !== 'object' || list === null || !('facts' in list) || list.facts !== facts || !('pages' in list)) return [];
  const { pages } = list;
  if (!Array.isArray(pages)) return [];
  const keys: [string, KnownKey][] = [];
  for (const page of pages) {
    if (!Array.isArray(page) || page.length !== 3 || !page.every((part) => typeof part === 'string')) return [];
    const [pagePath, key, body] = page as [string, string, string];
    keys.push([pagePath, [key, body]]);
  }
  return keys;
}

/** The keys in `file`, if written under `facts`; none if there is no such list. */
export function readPageKeys(file: string, facts: string): [string, KnownKey][] {
  try {
    return parsePageKeys(readFileSync(file, 'utf8'), facts);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [];
  }
}

/** Writes the keys whole or not at all (a temporary file renamed into place). */
export async function writePageKeys(file: string, keys: PageKeys): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  const pages = keys.entries().map(([pagePath, [key, body]]) => [pagePath, key, body]);
  await writeFile(temporary, JSON.stringify({ facts: keys.facts, pages }));
  await rename(temporary, file);
  removeAbandonedBeside(file);
}
