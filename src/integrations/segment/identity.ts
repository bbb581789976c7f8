/**
 * What a build is made of, as one hash: the content, the code (sources, public files, the
 * configuration and the lock file, which pins every package) and the settings that change the
 * output. Segments of one build carry the same hash, so `npm run assemble` can refuse to join
 * segments of different builds (another commit, content edited between two jobs), which would
 * make a site whose pages and search index disagree.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { settings, type Settings } from '../../config.ts';

/** The project's files that make the site (tests, scripts and benchmarks do not). */
const CODE = ['astro.config.mjs', 'package-lock.json', 'public', 'src', 'tsconfig.json'];

/** Every file under `root` (a file or a folder), relative to `base`, sorted. */
async function filesOf(root: string, base: string): Promise<string[]> {
  const stat = await lstat(root);
  const files = stat.isDirectory()
    ? (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
    : [root];
  return files.map((file) => path.relative(base, file)).sort();
}

/** The hash of this build's content, code and output settings (`given` for tests). */
export async function buildIdentity(given: Settings = settings, project = process.cwd()): Promise<string> {
  const hash = createHash('sha1');
  const add = (part: string | Buffer) => hash.update(part).update('\0');
  // One file at a time: the archive's bodies are never all in memory.
  const addFiles = async (what: string, base: string, roots: readonly string[]) => {
    add(what);
    for (const file of (await Promise.all(roots.map((root) => filesOf(path.join(base, root), base)))).flat()) {
      add(file);
      add(await readFile(path.join(base, file)));
    }
  };
  for (const setting of [given.siteUrl, given.searchSegmentation, String(given.searchShardSize)]) add(setting);
  await addFiles('code', project, CODE);
  await addFiles('content', given.contentDir, ['.']);
  return hash.digest('base64url');
}
