/**
 * The page keys of the last build, for pages whose data cannot have changed since. A page's key
 * (./cache-key.ts) is a function of the code, the settings, the site's data but the articles'
 * bodies (every article's fields, the registries; "the site's facts", one hash: `factsVersion` in
 * src/integrations/site-data/page-keys-file.ts) and, for an article's page, of its own body. While
 * the facts are the same, a page's key is the last build's, where its own body is too: making the
 * data and the keys of 105,000 pages (frames, links, their JSON and its hash) took 4 s of a
 * 50,000-article edit rebuild's main thread for keys that came out the same but for two pages.
 *
 * A page whose key is known gets its props only when it is rendered (`keyedPage`). With `check`
 * (BUILD_CHECK_PAGE_KEYS, which the tests set), every key is computed as well and a known one that
 * differs stops the build: a fact a page prints that the facts' hash leaves out.
 */
import { pageCacheKey } from './cache-key.ts';

/** A page's key, and the hash of the body it printed ('' for a page without one). */
export type KnownKey = readonly [key: string, body: string];

export class PageKeys {
  readonly #last: ReadonlyMap<string, KnownKey>;
  readonly #now = new Map<string, KnownKey>();
  /** The hash of the facts this build's keys are made of. */
  readonly facts: string;
  /** Whether every key is computed even where it is known, and checked against the known one. */
  readonly check: boolean;
  /** Pages whose key was the last build's. */
  known = 0;

  /** `last`: the keys the last build of the same `facts` made, by page path (none after a change of them). */
  constructor(facts: string, last: Iterable<readonly [string, KnownKey]> = [], check = false) {
    this.facts = facts;
    this.#last = new Map(last);
    this.check = check;
  }

  /** The key of the page at `path` printing a body of hash `body`, if the last build made it. */
  lastKey(path: string, body: string): string | undefined {
    const last = this.#last.get(path);
    return last !== undefined && last[1] === body ? last[0] : undefined;
  }

  record(path: string, key: string, body: string): void {
    this.#now.set(path, [key, body]);
  }

  /** Every key this build made or kept, for the next one. */
  entries(): [string, KnownKey][] {
    return [...this.#now];
  }
}

/** A page's props and key as `getStaticPaths` returns them; the props made only when asked for if the key is known. */
export interface KeyedPage<P> {
  props: P;
  cacheKey: string;
}

/**
 * The key of the page at `path` (its own body's hash `body`, '' for none) and its props, made by
 * `makeProps`: made now, or, if `keys` knows the key, when the page is rendered (for most pages,
 * never: the page store has them).
 */
export function keyedPage<P extends object>(keys: PageKeys | undefined, path: string, body: string, makeProps: () => P): KeyedPage<P> {
  const last = keys?.lastKey(path, body);
  if (last !== undefined && !keys!.check) {
    keys!.known++;
    keys!.record(path, last, body);
    let props: P | undefined;
    return {
      cacheKey: last,
      get props() {
        return (props ??= makeProps());
      },
    };
  }
  const props = makeProps();
  const cacheKey = pageCacheKey(props, body);
  if (last !== undefined && last !== cacheKey) {
    throw new Error(
      `page keys: the last build's key for ${path} is not the key its data makes now: the facts' hash (src/integrations/site-data/page-keys-file.ts) misses something this page prints`,
    );
  }
  if (last !== undefined) keys!.known++;
  keys?.record(path, cacheKey, body);
  return { props, cacheKey };
}
