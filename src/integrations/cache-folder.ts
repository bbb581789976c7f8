/**
 * Where the build cache may be. A build (and `npm run check`, and the dev server) writes thousands
 * of files there and removes those it no longer needs, so it must be a folder of its own.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../config.ts';
import { isWithin, projectFolders, resolveParents, withParentsResolved } from './project-folders.ts';

/** The folders a cache is judged against: the project, its sources, and the output folder (resolved). */
export interface CacheNeighbours {
  project: string;
  sources: readonly string[];
  out: string;
}

/**
 * Why the folder `cache` (absolute; `named` as the user set it) must not be the build cache, or
 * undefined when it may. A build writes thousands of files there and removes those it no longer
 * needs: in the content they would become part of it, among the routes (src/pages/) they would be
 * read as pages, and in the output folder, or holding it, the next swap would take them away.
 * `.cache/` is where the default one lives, and `node_modules/.cache/` where tools keep theirs.
 */
export function cacheRefusal(cache: string, facts: CacheNeighbours, named: string): string | undefined {
  const resolved = resolveParents(cache);
  const { project } = facts;
  const fix = 'Name a folder of its own, outside them (e.g. /tmp/yiqihui-cache), or unset it for .cache/build.';
  const where = (folder: string) => (resolved === folder ? 'is' : isWithin(resolved, folder) ? 'is inside' : 'holds');
  if (isWithin(project, resolved)) {
    return `${named} ${resolved === project ? 'is the project folder' : `holds the project folder ${project}`}: the cache's files would be mixed into the sources. ${fix}`;
  }
  const homes = [path.join(project, '.cache'), path.join(project, 'node_modules')];
  for (const source of facts.sources.filter((folder) => !homes.includes(folder))) {
    if (isWithin(resolved, source) || isWithin(source, resolved)) {
      return `${named} ${where(source)} ${source}, which holds sources: the cache's files would be mixed into them. ${fix}`;
    }
  }
  if (isWithin(resolved, facts.out) || isWithin(facts.out, resolved)) {
    return `${named} ${where(facts.out)} the output folder ${facts.out}, which a build replaces whole. ${fix}`;
  }
  return undefined;
}

/**
 * Why the build cache (settings.buildCacheDir) cannot be used by a command reading `contentDir`
 * whose output is `out`, if it cannot: it must be a folder, or nothing yet (each cache in a file
 * failed with a stack trace), and one of its own (`cacheRefusal`).
 */
export function buildCacheProblem(out: string, contentDir: string): string | undefined {
  const cache = settings.buildCacheDir;
  const set = process.env.BUILD_CACHE_DIR;
  const named =
    set === undefined ? `The build cache ${path.relative(process.cwd(), cache) || cache}` : `BUILD_CACHE_DIR=${JSON.stringify(set)}`;
  // Followed if a link: a link to a folder is a folder.
  if (statSync(cache, { throwIfNoEntry: false })?.isDirectory() === false)
    return `${named} is a file, not a folder: name a folder (it is made if missing), or unset it for .cache/build.`;
  return cacheRefusal(cache, { ...projectFolders(contentDir), out: withParentsResolved(out) }, named);
}
