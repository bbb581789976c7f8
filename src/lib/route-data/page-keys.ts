/**
 * The page keys of the last build, for pages whose data cannot have changed since. A page's key
 * (./cache-key.ts) is a function of the code, the settings, the site data (every article's fields,
 * the registries) and, for an article's page, its own body. All but the bodies stand as one hash,
 * the data version (`dataVersion`, src/integrations/site-data/page-keys-file.ts). While it is the
 * same, a page keeps the last build's key, and an article's page keeps it where its own body is
 * the same too. Making the data and the keys of 105,000 pages (frames, links, their JSON and its
 * hash) took 4 s of a 50,000-article edit rebuild's main thread, for keys that came out the same
 * but for two pages.
 *
 * A page that keeps its key gets its props only when it is rendered (`keyedPage`). With `check`
 * (BUILD_CHECK_PAGE_KEYS, which the tests set), every key is made as well, and a kept key that
 * differs stops the build: something a page prints that the data version leaves out.
 *
 * A page whose key the page store holds is not rendered at all (`restore`): it is left out of what
 * `getStaticPaths` gives Astro, whose own work on each path it is given (its parameters checked and
 * made into a pathname, twice) took 1 s of a 50,000-article edit rebuild's main thread for pages it
 * was then told not to render.
 */
import { InOrder } from '../in-order.ts';
import { pageCacheKey } from './cache-key.ts';

/** A page's key: the page's path, its key, and the hash of the body it printed ('' for a page without one). */
export type PageKeyEntry = readonly [path: string, key: string, bodyHash: string];

/**
 * Takes the page at `path` of key `cacheKey` if the page store holds it, to link it into the output
 * instead of rendering it (src/integrations/page-store/): whether it took it. A page it does not
 * take, it stores once Astro has rendered it.
 */
export type PageRestore = (path: string, cacheKey: string) => boolean;

export class PageKeys {
  /** The last build's entries, in the order it made them, which this build's routes follow. */
  readonly #last: readonly PageKeyEntry[];
  readonly #lastByPath: InOrder<PageKeyEntry>;
  readonly #now: PageKeyEntry[] = [];
  #kept = 0;
  /** The version of the site data, bodies aside, that this build's keys are made from. */
  readonly dataVersion: string;
  /** Whether every key is made even where the last build's is kept, and checked against it. */
  readonly check: boolean;
  /** Where stored pages go instead of to Astro; none restored without it. */
  readonly restore: PageRestore;

  /** `last`: the entries the last build made from the same `dataVersion`, one a page (none after a change of it). */
  constructor(dataVersion: string, last: readonly PageKeyEntry[] = [], check = false, restore: PageRestore = () => false) {
    this.dataVersion = dataVersion;
    this.#last = last;
    this.#lastByPath = new InOrder(last, ([path]) => path);
    this.check = check;
    this.restore = restore;
  }

  /** The last build's entry for the page at `path` printing a body of hash `bodyHash`, if it has one. */
  last(path: string, bodyHash: string): PageKeyEntry | undefined {
    const at = this.#lastByPath.find(path);
    const last = at === undefined ? undefined : this.#last[at]!;
    return last?.[2] === bodyHash ? last : undefined;
  }

  /** A page's entry in this build (the last build's own, where `kept`); each page's once. */
  record(entry: PageKeyEntry, kept: boolean): void {
    this.#now.push(entry);
    if (kept) this.#kept++;
  }

  /** How many pages kept the last build's key. */
  get kept(): number {
    return this.#kept;
  }

  /** Every entry this build made or kept, for the next one, in the order made. */
  entries(): readonly PageKeyEntry[] {
    return this.#now;
  }
}

/** A page's props and key as `getStaticPaths` returns them: the props are made when first asked for, if not before. */
export interface KeyedPage<P> {
  props: P;
  cacheKey: string;
}

/**
 * The key of the page at `path` (its own body's hash `bodyHash`, '' for none) and its props, made
 * by `makeProps`: now, where the key must be made from them, or else when the page is rendered.
 * Undefined where the page store took the page (`PageKeys.restore`): there is nothing to render.
 */
export function keyedPage<P extends object>(
  keys: PageKeys | undefined,
  path: string,
  bodyHash: string,
  makeProps: () => P,
): KeyedPage<P> | undefined {
  const last = keys?.last(path, bodyHash);
  let props = last === undefined || keys!.check ? makeProps() : undefined;
  const cacheKey = props === undefined ? last![1] : pageCacheKey(props, bodyHash);
  if (last !== undefined && cacheKey !== last[1]) {
    throw new Error(
      `page keys: the last build's key for ${path} is not the key its data makes now: the data version (src/integrations/site-data/page-keys-file.ts) misses something this page prints`,
    );
  }
  // The kept entry itself, not a copy: 105,000 of them at 50,000 articles.
  keys?.record(last ?? [path, cacheKey, bodyHash], last !== undefined);
  if (keys?.restore(path, cacheKey)) return undefined;
  // The same getter whether the props were made or not: the tests' builds, which make them all, render through it too.
  return {
    cacheKey,
    get props() {
      return (props ??= makeProps());
    },
  };
}
