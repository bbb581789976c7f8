/**
 * The search engine the page drives: Pagefind's bundle for one variant, our query plan and
 * excerpts. Nothing here touches the DOM, so the relevance tests run it in Node as well.
 */
import { CHANNEL_SEPARATOR, CONFIG_FILE, placeOfFragment, type SearchConfig } from '../../lib/search/config.ts';
import { buildExcerpt, type ExcerptPart } from '../../lib/search/excerpt.ts';
import { planQuery } from '../../lib/search/query.ts';

/** The part of Pagefind's JS API (pagefind.js) used here. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  preload(term: string, options?: { filters?: Record<string, string[]> }): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string | undefined> }>;
}

export type SortOrder = 'relevance' | 'date';

export interface SearchOptions {
  /** A channel's slug. */
  channel?: string;
  sort?: SortOrder;
}

export interface ResultView {
  url: string;
  title: string;
  date: string;
  channels: string[];
  excerpt: ExcerptPart[];
}

export interface Hits {
  /** Results in the volumes searched so far. */
  total: number;
  /** Loads the results from `from` (inclusive) to `to` (exclusive), ready to show. */
  load(from: number, to: number): Promise<ResultView[]>;
  /** The day of the oldest article searched, while older volumes are left (undefined once all are searched). */
  since: string | undefined;
  /** These results and the next older volume's after them (loading its index); only while `since` is set. */
  widen(): Promise<Hits>;
}

export interface Engine {
  search(query: string, options?: SearchOptions): Promise<Hits>;
}

type Importer = (url: string) => Promise<unknown>;
const browserImport: Importer = (url) => import(/* @vite-ignore */ url);

/** Opens the bundle at `basePath` (`/pagefind/` or `/zh-hant/pagefind/`, or a full URL). */
export async function openEngine(basePath: string, load: Importer = browserImport): Promise<Engine> {
  const get = async (file: string) => {
    const response = await fetch(`${basePath}${file}`);
    if (!response.ok) throw new Error(`search: ${basePath}${file} answered ${response.status}`);
    return response;
  };
  const [pagefind, config] = await Promise.all([
    load(`${basePath}pagefind.js`) as Promise<PagefindApi>,
    get(CONFIG_FILE).then((r) => r.json() as Promise<SearchConfig>),
  ]);
  // Record URLs are already root-relative (/zh-hant/articles/…): Pagefind must not prefix the
  // bundle's folder to them. No worker: starting Pagefind's worker fetched its script before its
  // files, a round trip more on a phone's first query, and the worker could not use the page's
  // preloads (lib/search/config.ts PRELOADED); searching an index chunk takes milliseconds.
  await pagefind.options({ basePath, baseUrl: '/', noWorker: true });
  // Pagefind takes the page's language (zh-hans), finds no index of it and opens the bundle's
  // one; the query's tokens are Latin letters and digits (lib/search/tokens.ts), which its word
  // segmentation of Chinese leaves whole.
  await pagefind.init();

  /** The hits of every search of the plan, in the first search's order. */
  async function matching(searches: string[], options: Parameters<PagefindApi['search']>[1]) {
    // Every search's word chunks at once, not a round trip per search.
    await Promise.all(searches.map((term) => pagefind.preload(term, options)));
    const found = [];
    for (const term of searches) found.push((await pagefind.search(term, options))?.results ?? []);
    const [first = [], ...rest] = found;
    const ids = rest.map((results) => new Set(results.map((r) => r.id)));
    return first.filter((r) => ids.every((set) => set.has(r.id)));
  }

  const { volumes } = config;
  /** Volumes merged into Pagefind so far, newest first: a search runs over all of them. */
  let merged = 1;
  /** The volume (its place, newest first) of a result: its fragment's name begins with its shard's number. */
  const volumeOf = (id: string) => {
    const { shard } = placeOfFragment(id);
    return volumes.findIndex((v) => shard >= v.firstShard);
  };
  /** Newest first: shards and the pages of each are numbered oldest first (lib/search/merge-index.ts). */
  const byDate = (a: PagefindResult, b: PagefindResult) => {
    const [x, y] = [placeOfFragment(a.id), placeOfFragment(b.id)];
    return y.shard - x.shard || y.page - x.page;
  };

  return {
    async search(query, { channel, sort = 'relevance' } = {}) {
      const plan = planQuery(query, config.map, config.segmentation);
      const filters: Record<string, string[]> = channel ? { channel: [channel] } : {};

      /** The results of volumes 0 to `searched`: `earlier` (those before it) as they were shown, then its own. */
      async function hitsUpTo(searched: number, earlier: PagefindResult[]): Promise<Hits> {
        for (; merged <= searched; merged++) {
          await pagefind.mergeIndex(`${basePath}${volumes[merged]!.path}`, { language: config.language, baseUrl: '/' });
        }
        // Pagefind ranks a merged search within each index, so each volume's results keep their
        // own order, and volumes follow one another newest first (right for date order too).
        const found = (await matching(plan.searches, { filters })).filter((hit) => volumeOf(hit.id) === searched);
        const hits = [...earlier, ...(sort === 'date' ? found.sort(byDate) : found)];
        const older = searched + 1 < volumes.length;
        return {
          total: hits.length,
          since: older ? volumes[searched]!.since : undefined,
          widen: () => hitsUpTo(Math.min(searched + 1, volumes.length - 1), older ? hits : earlier),
          load: (from, to) =>
            Promise.all(
              hits.slice(from, to).map(async (hit): Promise<ResultView> => {
                // The fragment's content is the article's readable text (see lib/search/records.ts).
                const { url, content, meta } = await hit.data();
                return {
                  url,
                  title: meta.title ?? url,
                  date: meta.date ?? '',
                  channels: (meta.channels ?? '').split(CHANNEL_SEPARATOR).filter(Boolean),
                  excerpt: buildExcerpt(content, plan.needles, config.map),
                };
              }),
            ),
        };
      }
      return hitsUpTo(0, []);
    },
  };
}
