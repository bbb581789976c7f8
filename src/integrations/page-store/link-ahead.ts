/**
 * The last build's pages linked into a new output before any key is known (./last-output.ts), all
 * on a thread of its own: the thread reads the list and lists the store itself (the main thread
 * lists the store too, for the keys, once the thread is started). When the main thread read both
 * first, the links of a 50,000-article edit rebuild started 0.45 s later, on a core that was idle
 * meanwhile (`node --cpu-prof`: the store's 105,000 names, the list's 9 MB, the links handed over).
 */
import { linkFilesSync } from '../link-tree.ts';
import { resultOfThread } from '../thread.ts';
import { readLastOutput } from './last-output.ts';
import { PageStore } from './store.ts';

export interface LinkAhead {
  /** The list of the last build's pages (./last-output.ts), taken only if written under `version`. */
  list: string;
  version: string;
  /** The page store's folder (./store.ts). */
  store: string;
  outDir: string;
}

/**
 * What was linked: the pages of the list the store holds, in the list's order, their files and
 * their keys side by side (two lists of strings are the quickest to hand from the thread: about
 * 0.1 s of the main thread for 105,000 pages). Where a link failed (a page gone from the store
 * meanwhile), `failed`, and the pages may be linked or not: the caller removes them all.
 */
export interface LinkedAhead {
  files: string[];
  keys: string[];
  failed: boolean;
}

/** Links the pages of the list that the store holds into the output; see the module comment. */
export function linkAheadSync({ list, version, store, outDir }: LinkAhead): LinkedAhead {
  const open = new PageStore(store);
  const pages = readLastOutput(list, version).filter((page) => open.holds(page.key));
  const linked = { files: pages.map((page) => page.file), keys: pages.map((page) => page.key) };
  try {
    linkFilesSync(open.links(pages, outDir));
    return { ...linked, failed: false };
  } catch {
    return { ...linked, failed: true };
  }
}

const LINK_AHEAD_THREAD = new URL('./link-ahead-worker.ts', import.meta.url);

/**
 * `linkAheadSync` on a thread of its own. Rejects where the thread could not do it at all (the list
 * or the store unreadable, the thread stopped): what it linked is then unknown, and the build stops
 * with the error rather than keep a page it cannot vouch for.
 */
export const linkAheadOnThread = (job: LinkAhead): Promise<LinkedAhead> =>
  resultOfThread<LinkedAhead>(LINK_AHEAD_THREAD, job, 'the thread linking the last output ahead');
