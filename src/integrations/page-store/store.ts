/**
 * The pages of earlier builds, one file per page named by its key: a hash of everything the page
 * prints (its `cacheKey`, src/lib/route-data/cache-key.ts) and of the code that prints it. A page
 * is stored once Astro has written it whole into the output, as a hard link to that file (a copy
 * where the store is on another file system) under a temporary name, then renamed: so a name
 * always holds the page its key stands for, even after a build that died, and there is no list to
 * go stale.
 *
 * A page is restored into the new output as a hard link to its file, so the store's files are
 * never written again once named: a later build stores new pages under new names and removes the
 * names it did not use. The output shares those files: a built page edited in place (never done
 * by the build, the deploy or the commands) would change the stored one too. Edit content/, not
 * dist/; deleting the store is always safe.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { inBatches, linkFilesOnThread, linkOrCopy, type FileLink } from '../link-tree.ts';
import { namesIn } from '../folder-names.ts';

const PAGE_FILE = /^[\w-]+\.html$/;
/**
 * The names `prune` may remove: a page's file as a build names it, its key a `hashOf` (27
 * characters, base64url), and such a file under its temporary name (`adopt`). Anything else in
 * the folder is someone else's, even an `.html` file (a cache folder set to a site's own folder).
 */
const STORED_FILE = /^[\w-]{27}\.html$/;
const TEMPORARY_FILE = /^[\w-]{27}\.html\.[0-9a-f]{12}-\d+\.tmp$/;

/** Where a page of `pathname` is in the output, for Astro's `directory` format (every page here has a trailing slash). */
export function outputFileOf(pathname: string): string {
  const folder = pathname.replace(/^\/+|\/+$/g, '');
  return folder ? `${folder}/index.html` : 'index.html';
}

export class PageStore {
  readonly #dir: string;
  /** The pages' keys there were when the build started. */
  readonly #stored = new Set<string>();
  /** The temporary names there were then: files killed builds left, for `prune`. */
  readonly #temporaries: string[] = [];
  /** The keys this build used. Keys, not file names: each page's name made twice took 0.19 s of a 50,000-article edit rebuild's main thread. */
  readonly #used = new Set<string>();
  /** The pages rendered since the last `adopt`: their keys and their files in the output. */
  #rendered: { key: string; file: string }[] = [];
  /** Temporary names: unique to this store (a build) and counted within it. */
  readonly #temporary = `${randomBytes(6).toString('hex')}-`;
  #count = 0;

  constructor(dir: string) {
    this.#dir = dir;
    for (const name of namesIn(dir)) {
      if (PAGE_FILE.test(name)) this.#stored.add(keyOf(name));
      else if (TEMPORARY_FILE.test(name)) this.#temporaries.push(name);
    }
  }

  /** Whether the page of `key` was stored when the build started (whether it is kept is for `has` and `keep` to say). */
  holds(key: string): boolean {
    return this.#stored.has(key);
  }

  /** Whether the page of `key` is stored; it is kept for the next build if so. */
  has(key: string): boolean {
    const found = this.#stored.has(key);
    if (found) this.#used.add(key);
    return found;
  }

  /** Keeps the page of `key` for the next build, as `has` does, for a page found stored without it (one the store held when it was linked ahead). */
  keep(key: string): void {
    this.#used.add(key);
  }

  /** A page this build rendered into `file` of the output, to be stored by `adopt`. */
  put(key: string, file: string): void {
    this.#used.add(key);
    this.#rendered.push({ key, file });
  }

  /**
   * Stores the pages `put` so far from their files in `outDir`, once Astro has written them: a link
   * each, where writing each page's bytes again as it rendered took 0.8 ms of the main thread a
   * page (1,000 articles, `node --cpu-prof`: opening 2,121 files, their temporary names, renames).
   */
  async adopt(outDir: string): Promise<void> {
    const pages = this.#rendered.splice(0);
    if (pages.length === 0) return;
    await mkdir(this.#dir, { recursive: true });
    await inBatches(pages, async ({ key, file }) => {
      const temporary = path.join(this.#dir, `${fileOf(key)}.${this.#temporary}${this.#count++}.tmp`);
      await linkOrCopy(path.join(outDir, file), temporary);
      await rename(temporary, path.join(this.#dir, fileOf(key)));
    });
  }

  /** Puts the stored pages into `outDir`: each page's `file` there, from its `key`'s file here, on a thread of its own. */
  async restore(pages: Iterable<{ key: string; file: string }>, outDir: string): Promise<void> {
    await linkFilesOnThread(this.links(pages, outDir));
  }

  /** The links that put the stored pages into `outDir` (for a thread that is already one of its own: `restore` makes one). */
  links(pages: Iterable<{ key: string; file: string }>, outDir: string): FileLink[] {
    // Joined, not `path.join`ed: the keys are names, and the files relative without `..`, those of
    // the last output's list (last-output.ts) as those of the routes' pages (`outputFileOf`, of
    // checked slugs); normalising 210,000 paths was 0.6 s of a 50,000-article edit's thread.
    const from = path.join(this.#dir, '/');
    const to = path.join(outDir, '/');
    return Array.from(pages, ({ key, file }) => ({ from: `${from}${fileOf(key)}`, to: `${to}${file}` }));
  }

  /**
   * Removes the pages this build neither restored nor rendered (and temporary files a killed build
   * left). Only names there were at the start: another build using the same store meanwhile
   * (`npm run dev` beside `npm run build`) may have stored pages of its own since.
   */
  async prune(): Promise<number> {
    // Only names the store gives its files (pages, temporaries): anything else there is not its to remove.
    const unused = [...this.#temporaries];
    for (const key of this.#stored) {
      if (this.#used.has(key)) continue;
      const name = fileOf(key);
      if (STORED_FILE.test(name)) unused.push(name);
    }
    await Promise.all(unused.map((name) => rm(path.join(this.#dir, name), { force: true })));
    return unused.length;
  }
}

const fileOf = (key: string) => `${key}.html`;
const keyOf = (file: string) => file.slice(0, -'.html'.length);
