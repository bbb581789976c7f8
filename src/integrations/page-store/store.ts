/**
 * The pages of earlier builds, one file per page named by its key: a hash of everything the page
 * prints (its `cacheKey`, src/lib/route-data/cache-key.ts) and of the code that prints it. A file
 * is written whole under a temporary name and then renamed, so a name always holds the page its
 * key stands for, even after a build that died: there is no list to go stale.
 *
 * A page is restored into the new output as a hard link to its file (a copy where the output is
 * on another file system), so the store's files are never written again once named: a later
 * build writes new pages under new names and removes the names it did not use. The output shares
 * those files: a built page edited in place (never done by the build, the deploy or the commands)
 * would change the stored one too. Edit content/, not dist/; deleting the store is always safe.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inBatches, linkOrCopy } from '../link-tree.ts';

const PAGE_FILE = /^[\w-]+\.html$/;

/** Where a page of `pathname` is in the output, for Astro's `directory` format (every page here has a trailing slash). */
export function outputFileOf(pathname: string): string {
  const folder = pathname.replace(/^\/+|\/+$/g, '');
  return folder ? `${folder}/index.html` : 'index.html';
}

export class PageStore {
  readonly #dir: string;
  /** The files there were when the build started. */
  readonly #stored: Set<string>;
  readonly #used = new Set<string>();
  readonly #writes: Promise<void>[] = [];
  #folder: Promise<unknown> | undefined;

  constructor(dir: string) {
    this.#dir = dir;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.#stored = new Set(names.filter((name) => PAGE_FILE.test(name)));
  }

  /** Whether the page of `key` is stored; it is kept for the next build if so. */
  has(key: string): boolean {
    const found = this.#stored.has(fileOf(key));
    if (found) this.#used.add(fileOf(key));
    return found;
  }

  /** Stores a page this build rendered (written by `flush`). */
  put(key: string, body: Uint8Array): void {
    this.#used.add(fileOf(key));
    this.#writes.push(this.#write(fileOf(key), body));
  }

  /** Waits for every page `put` so far to be stored. */
  async flush(): Promise<void> {
    await Promise.all(this.#writes.splice(0));
  }

  /** Puts the stored pages into `outDir`: each page's `file` there, from its `key`'s file here. */
  async restore(pages: Iterable<{ key: string; file: string }>, outDir: string): Promise<void> {
    const entries = [...pages].map(({ key, file }) => ({ from: path.join(this.#dir, fileOf(key)), to: path.join(outDir, file) }));
    const folders = [...new Set(entries.map((e) => path.dirname(e.to)))];
    await inBatches(folders, (folder) => mkdir(folder, { recursive: true }));
    await inBatches(entries, (e) => linkOrCopy(e.from, e.to));
  }

  /** Removes the pages this build neither restored nor rendered (and temporary files a killed build left). */
  async prune(): Promise<number> {
    if (!existsSync(this.#dir)) return 0;
    const unused = readdirSync(this.#dir).filter((name) => !this.#used.has(name));
    await Promise.all(unused.map((name) => rm(path.join(this.#dir, name), { force: true })));
    return unused.length;
  }

  async #write(file: string, body: Uint8Array): Promise<void> {
    // Once, not per page: a recursive mkdir per page was 0.7 s of a 1,000-article build's main thread.
    this.#folder ??= mkdir(this.#dir, { recursive: true });
    await this.#folder;
    const temporary = path.join(this.#dir, `${file}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temporary, body);
    await rename(temporary, path.join(this.#dir, file));
  }
}

const fileOf = (key: string) => `${key}.html`;
