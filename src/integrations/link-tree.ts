/**
 * A folder's files into another folder as hard links: tens of thousands of search files appear in
 * the output in seconds instead of being copied. Only for sources never written in place (the
 * build cache's folders); where a link is impossible (another file system) the file is copied.
 */
import { constants, copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LINK_PARALLEL } from '../tuning.ts';
import { resultOfThread } from './thread.ts';
import { filesByFolder } from './folder-names.ts';

/**
 * `to` as a hard link to `from`, or a copy where a link is impossible (another file system);
 * `copyMode` as for copyFile (COPYFILE_EXCL: never over an existing file, as a link never is).
 */
export async function linkOrCopy(from: string, to: string, copyMode?: number): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to, copyMode);
  }
}

/** `keep` picks the files and folders to link, by their path relative to `from` (`index`, `index/x.pf_index`). */
export async function linkTree(from: string, to: string, keep: (relative: string) => boolean = () => true): Promise<void> {
  const entries = (await readdir(from, { recursive: true, withFileTypes: true }))
    .map((e) => ({ entry: e, relative: path.relative(from, path.join(e.parentPath, e.name)) }))
    .filter((e) => keep(e.relative));
  const dirs = new Set([to, ...entries.filter((e) => e.entry.isDirectory()).map((e) => path.join(to, e.relative))]);
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  const files = entries.filter((e) => e.entry.isFile()).map((e) => e.relative);
  await inBatches(files, (file) => linkOrCopy(path.join(from, file), path.join(to, file)));
}

/** `run` over `items`, LINK_PARALLEL at a time: enough to keep the file system busy, not so many that they crowd the event loop. */
export async function inBatches<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += LINK_PARALLEL) await Promise.all(items.slice(i, i + LINK_PARALLEL).map(run));
}

/**
 * A file to link: `to` (its folder made if missing) as a link to `from`. With `tree`, `from` and
 * `to` are folders, and every file under `from` (but those `except` names by their path relative
 * to it) is linked at the same place under `to`: the thread lists them, not the main thread (at
 * 50,000 articles, the search bundles' 145,000 files took about 1.1 s of its time to list).
 */
export interface FileLink {
  from: string;
  to: string;
  tree?: true;
  except?: readonly string[];
}

/**
 * The links, one after another on this thread (a copy where a link is impossible, never over an
 * existing file); how many files. For a thread of their own: `linkFilesOnThread`.
 */
export function linkFilesSync(links: FileLink[]): number {
  const made = new Set<string>();
  const makeFolder = (folder: string) => {
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
  let count = 0;
  for (const link of links) {
    if (link.tree) {
      count += linkTreeSync(link, makeFolder);
      continue;
    }
    makeFolder(path.dirname(link.to));
    linkFileSync(link.from, link.to);
    count++;
  }
  return count;
}

/**
 * A tree link's files, a folder at a time: its folder made once, each file's paths its folder's
 * and its name joined (a `path.join` of both paths and a `path.dirname` a file took 1 s of the
 * thread linking the search fragments, 137,000 files at 50,000 articles, `node --cpu-prof`).
 */
function linkTreeSync({ from, to, except = [] }: FileLink, makeFolder: (folder: string) => void): number {
  let count = 0;
  for (const { folder, files } of filesByFolder(from)) {
    const source = path.join(from, folder);
    const target = path.join(to, folder);
    const linked = except.length === 0 ? files : files.filter((name) => !except.includes(path.join(folder, name)));
    if (linked.length > 0) makeFolder(target);
    for (const name of linked) linkFileSync(`${source}/${name}`, `${target}/${name}`);
    count += linked.length;
  }
  return count;
}

/** `to` as a link to `from`, or a copy where a link is impossible (another file system); never over an existing file. */
function linkFileSync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}

const LINK_THREAD = new URL('./link-worker.ts', import.meta.url);

/**
 * The links made on a thread of their own, one after another. Tens of thousands of links made
 * from the main thread, 64 promises at a time, waited for the main thread between batches while
 * it rendered pages: linking the unchanged pages of a 10,000-article edit rebuild ended 1.8–2.2 s
 * after the last page rendered.
 */
export const linkFilesOnThread = (links: FileLink[]): Promise<number> =>
  links.length === 0 ? Promise.resolve(0) : resultOfThread<number>(LINK_THREAD, links, 'the thread linking files');
