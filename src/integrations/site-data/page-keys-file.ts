/**
 * Where a build leaves its pages' keys for the next build of the same content dir (and segment),
 * under the version of the site data they were made from (../../lib/route-data/page-keys.ts):
 * the next build takes them only under the same version. A list that is damaged, or was written
 * under another version, is not read (not an error: the keys are made again).
 */
import path from 'node:path';
import { settings, type Settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';
import type { PageKeyEntry, PageKeys } from '../../lib/route-data/page-keys.ts';
import type { Segment } from '../../lib/segments.ts';
import { pagesCodeVersion } from '../code-version.ts';
import { cacheScope } from '../folder-cache.ts';
import { parseVersionedList, readVersionedList, writeVersionedList } from '../versioned-list.ts';

/** Settings that change how a build runs, never what a page prints; a page may print any other. */
const HOW_IT_RUNS: readonly (keyof Settings)[] = ['buildCacheDir', 'buildTimings', 'distDir', 'searchIndexThreads', 'checkPageKeys'];

/**
 * The version of the site data, bodies aside, that page keys are made from: a hash of `data` (as
 * the caller lists it), of the settings a page may print and of the code printing the pages.
 */
export function dataVersion(...data: unknown[]): string {
  const printed = Object.fromEntries(Object.entries(settings).filter(([name]) => !HOW_IT_RUNS.includes(name as keyof Settings)));
  return hashOf(pagesCodeVersion(), JSON.stringify(printed), ...data.map((part) => JSON.stringify(part) ?? ''));
}

/** The file of the keys of a content dir's (and segment's) builds. */
export const pageKeysFile = (contentDir: string, segment: Segment | undefined) =>
  path.join(settings.buildCacheDir, `page-keys-${hashOf(cacheScope(contentDir, segment)).slice(0, 10)}.json`);

/** The entries of a list, as they are; none if any is not a page's (a damaged cache is not an error, only slower). */
function keysOf(entries: unknown[] | undefined): PageKeyEntry[] {
  const keys: PageKeyEntry[] = [];
  for (const page of entries ?? []) {
    if (!Array.isArray(page) || page.length !== 3 || !page.every((part) => typeof part === 'string')) return [];
    keys.push(page as unknown as PageKeyEntry);
  }
  return keys;
}

/** The keys in the list's text, if it was written under `version`. */
export const parsePageKeys = (text: string, version: string) => keysOf(parseVersionedList(text, version));

/** The keys in `file`, if written under `version`; none if there is no such list. */
export const readPageKeys = (file: string, version: string) => keysOf(readVersionedList(file, version));

export const writePageKeys = (file: string, keys: PageKeys) => writeVersionedList(file, keys.dataVersion, keys.entries());
