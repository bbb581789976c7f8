/**
 * Folders kept in the build cache (`.cache/build/<name>-<scope>/<key>/`, restored by CI with the
 * rest of it): the search shards (written in Pagefind's formats), each variant's copy of their
 * fragments, the sitemap. Each is keyed by a hash of everything its files are made from and of the
 * code that makes them (its module graph and the lock file, which pins Pagefind and the sitemap
 * package: see ./code-version.ts). A folder whose inputs did not change is reused, not made again.
 * A build removes the folders it found and did not use. Folders are never changed once in place, so
 * a build may hard-link their files.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { settings } from '../config.ts';
import { hashOf } from '../lib/hash.ts';
import { formatSegment, type Segment } from '../lib/segments.ts';
import { namesIn } from './folder-names.ts';
import { abandonedOf, temporaryName } from './temporary-names.ts';

/**
 * A cache's scope: the content dir, and the segment of a segment build. Segments built one after
 * the other on one machine would otherwise each prune the others' shards.
 */
export const cacheScope = (contentDir: string, segment: Segment | undefined) =>
  segment === undefined ? contentDir : `${contentDir}\0${formatSegment(segment)}`;

export class FolderCache {
  private readonly used = new Set<string>();
  private readonly dir: string;
  private readonly version: string;
  /** The folders in place when the build started: the only ones `prune` may remove. */
  private readonly found: Set<string>;
  /** Temporary folders that killed builds left (./temporary-names.ts), which `prune` removes too. */
  private readonly abandoned: string[];
  hits = 0;

  /**
   * `scope` separates the folders of different content dirs, so one build never prunes another's;
   * `version` is the code version of what makes the folders (../code-version.ts).
   */
  constructor(name: string, scope: string, version: string, root = settings.buildCacheDir) {
    this.version = version;
    this.dir = path.join(root, `${name}-${hashOf(scope).slice(0, 10)}`);
    const names = namesIn(this.dir);
    this.found = new Set(names.filter((e) => !e.endsWith('.tmp')));
    this.abandoned = abandonedOf(names);
  }

  /** The folder made from `inputs`, if it is there; found or not, `prune` keeps it, as after `get`. */
  find(inputs: unknown): string | undefined {
    const { dir, found } = this.lookUp(inputs);
    return found ? dir : undefined;
  }

  /** The folder made from `inputs`, made by `make` into a fresh folder if missing. */
  async get(inputs: unknown, make: (out: string) => Promise<void>): Promise<string> {
    const { dir, found } = this.lookUp(inputs);
    if (found) return dir;
    // Made aside and renamed into place: an interrupted build never leaves half a folder.
    const temp = temporaryName(dir);
    await rm(temp, { recursive: true, force: true });
    try {
      await make(temp);
      await rename(temp, dir);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      // Another build of the same content put the same folder in place first: use that one.
      if (!existsSync(dir)) throw error;
    }
    return dir;
  }

  /** Where the folder made from `inputs` is, and whether it is there; it is kept for the next build either way. */
  private lookUp(inputs: unknown): { dir: string; found: boolean } {
    const key = hashOf(this.version, JSON.stringify(inputs));
    this.used.add(key);
    const dir = path.join(this.dir, key);
    const found = existsSync(dir);
    if (found) this.hits++;
    return { dir, found };
  }

  /** The folders in place now (made by earlier builds, or this one). */
  async folders(): Promise<string[]> {
    const entries = await readdir(this.dir).catch(() => []);
    return entries.filter((e) => !e.endsWith('.tmp')).map((e) => path.join(this.dir, e));
  }

  /**
   * Removes the folders this build found and did not use (older versions of the archive), and the
   * temporary ones killed builds left. One that another build of the same content made meanwhile
   * is that build's to keep.
   */
  async prune(): Promise<void> {
    const unused = [...[...this.found].filter((e) => !this.used.has(e)), ...this.abandoned];
    await Promise.all(unused.map((e) => rm(path.join(this.dir, e), { recursive: true, force: true })));
  }
}
