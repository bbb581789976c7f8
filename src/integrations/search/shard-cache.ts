/**
 * Built search shards kept in the build cache (`.cache/build/search-shards-<content dir>/<key>/`, restored by CI
 * with the rest of it), keyed by the lock file (which pins Pagefind) and the shard's records: a shard whose
 * records are unchanged is copied, not indexed again. A build keeps only the shards it used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_DIR, hashOf } from '../../lib/build-cache.ts';

/** The lock file pins Pagefind: a change to it (a new Pagefind) invalidates every shard. */
const PAGEFIND_VERSION = hashOf(readFileSync('package-lock.json', 'utf8'));

export class ShardCache {
  private readonly used = new Set<string>();
  private readonly dir: string;
  hits = 0;

  /** `scope` separates the shards of different content dirs, so one build never prunes another's. */
  constructor(scope: string) {
    this.dir = path.join(CACHE_DIR, `search-shards-${hashOf(scope).slice(0, 10)}`);
  }

  /** The folder of the shard built from `records`, built by `build` into a fresh folder if missing. */
  async get(records: unknown[], build: (out: string) => Promise<void>): Promise<string> {
    const key = hashOf(PAGEFIND_VERSION, JSON.stringify(records));
    const dir = path.join(this.dir, key);
    this.used.add(key);
    if (existsSync(dir)) {
      this.hits++;
      return dir;
    }
    // Built aside and renamed into place: an interrupted build never leaves half a shard.
    const temp = `${dir}.${process.pid}.tmp`;
    await rm(temp, { recursive: true, force: true });
    try {
      await build(temp);
      await rename(temp, dir);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      // Another build of the same content put the same shard in place first: use that one.
      if (!existsSync(dir)) throw error;
    }
    return dir;
  }

  /** Removes the shards this build did not use (older versions of the archive). */
  async prune(): Promise<void> {
    const entries = await readdir(this.dir).catch(() => []);
    await Promise.all(entries.filter((e) => !this.used.has(e) && !e.endsWith('.tmp')).map((e) => rm(path.join(this.dir, e), { recursive: true, force: true })));
  }
}
