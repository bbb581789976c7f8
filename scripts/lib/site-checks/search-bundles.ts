/**
 * Each variant's search bundle is whole: every volume its config lists has its entry file and
 * metadata, and every file the metadata names (word chunks, filters, each page's fragment) is
 * there. No page links to these files, so no link check sees one missing, while a reader's search
 * finds nothing in that volume, or fails on the result it cannot show. The bundles are put
 * together from the build cache's folders volume by volume (src/integrations/search/), and this
 * is what a volume linked twice or not at all would break.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readShard, type Shard } from '../../../src/integrations/search/reader-index.ts';
import { CONFIG_FILE, type SearchConfig } from '../../../src/lib/search/config.ts';
import { ENTRY_FILE, filesNamedBy } from '../../../src/lib/search/pagefind-files.ts';
import type { PageProblem } from './page-problem.ts';

/** How many missing files a problem names; it counts them all. */
const NAMED = 3;

/**
 * `files`: the site's files, relative and `/`-separated, as `BuiltSite.files`. A locale folder
 * without a bundle is not checked (a site without search, as the checks' own fixtures are).
 */
export async function checkSearchBundles(
  dist: string,
  files: ReadonlySet<string>,
  localeFolders: readonly string[],
): Promise<PageProblem[]> {
  const problems: PageProblem[] = [];
  for (const folder of localeFolders) {
    const bundle = folder ? `${folder}/pagefind` : 'pagefind';
    const config = `${bundle}/${CONFIG_FILE}`;
    if (!files.has(config)) {
      if ([...files].some((file) => file.startsWith(`${bundle}/`)))
        problems.push({ page: `/${bundle}/`, message: `has no ${CONFIG_FILE}: the search page cannot start. Build the site again.` });
      continue;
    }
    let volumes: SearchConfig['volumes'];
    try {
      ({ volumes } = JSON.parse(readFileSync(path.join(dist, config), 'utf8')) as SearchConfig);
    } catch (error) {
      problems.push({ page: `/${config}`, message: `is not the search config: ${(error as Error).message}. Build the site again.` });
      continue;
    }
    for (const volume of volumes) {
      // A volume's path is `v1/`, or '' for the newest.
      const problem = await volumeProblem(dist, files, path.posix.join(bundle, volume.path).replace(/\/$/, ''));
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** What is missing from the volume in `dir` (relative to `dist`), if anything. */
async function volumeProblem(dist: string, files: ReadonlySet<string>, dir: string): Promise<PageProblem | undefined> {
  const page = `/${dir}/`;
  const again = 'Searches that reach them fail. Build the site again (with an emptied build cache if it comes back).';
  if (!files.has(`${dir}/${ENTRY_FILE}`)) return { page, message: `has no ${ENTRY_FILE}: the volume is not searchable. ${again}` };
  // Its entry file and metadata, read as the reader index's merge reads a shard's.
  let meta: Shard['meta'];
  try {
    ({ meta } = await readShard(path.join(dist, dir)));
  } catch (error) {
    return { page, message: `has an entry file or metadata that cannot be read (${(error as Error).message}). ${again}` };
  }
  const named = filesNamedBy(meta);
  const missing = named.filter((file) => !files.has(`${dir}/${file}`));
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, NAMED).join(', ') + (missing.length > NAMED ? ', …' : '');
  return { page, message: `is missing ${missing.length} of the ${named.length} files its metadata names (${shown}). ${again}` };
}
