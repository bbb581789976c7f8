/**
 * Where a build leaves its pages' keys for the next build of the same content dir (and segment),
 * with the hash of the facts they were made of (../../lib/route-data/page-keys.ts): the next build
 * takes them only under the same facts. A list that is damaged, or was written under other facts,
 * is not read (not an error: the keys are made again).
 */
import path from 'node:path';
import { settings, type Settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';
import type { KnownKey, PageKeys } from '../../lib/route-data/page-keys.ts';
import { treeVersion } from '../code-version.ts';
import { cacheScope } from '../folder-cache.ts';
import { PAGE_PRODUCERS } from '../page-store/index.ts';
import { parseVersionedList, readVersionedList, writeVersionedList } from '../versioned-list.ts';
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

/** The keys of a list's entries; none if any is not a key (a damaged cache is not an error, only slower). */
function keysOf(entries: unknown[] | undefined): [string, KnownKey][] {
  const keys: [string, KnownKey][] = [];
  for (const page of entries ?? []) {
    if (!Array.isArray(page) || page.length !== 3 || !page.every((part) => typeof part === 'string')) return [];
    const [pagePath, key, body] = page as [string, string, string];
    keys.push([pagePath, [key, body]]);
  }
  return keys;
}

/** The keys in the list's text, if it was written under `facts`. */
export const parsePageKeys = (text: string, facts: string) => keysOf(parseVersionedList(text, facts));

/** The keys in `file`, if written under `facts`; none if there is no such list. */
export const readPageKeys = (file: string, facts: string) => keysOf(readVersionedList(file, facts));

export const writePageKeys = (file: string, keys: PageKeys) =>
  writeVersionedList(
    file,
    keys.facts,
    keys.entries().map(([pagePath, [key, body]]) => [pagePath, key, body]),
  );
