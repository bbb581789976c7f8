/**
 * How the build runs: the settings the environment may change, validated once (a bad value is an
 * error naming the variable, not a silent default). The build's tuning constants are in tuning.ts;
 * what the site shows (page size, locales, its name) is in consts.ts.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import { parseSegment, SEGMENT_FORMAT } from './lib/segments.ts';

/** Where the search segmentation can come from: ours, or Pagefind's own (for comparison). */
export const SEGMENTATIONS = ['bigram', 'pagefind'] as const;

const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]*$/, `expected a whole number of at least 1 (${what})`)
    .transform(Number);

/** Every environment variable the build reads, and what it is for. */
const environmentSchema = z.object({
  /** The production origin, for canonical URLs, feeds and the sitemap. */
  SITE_URL: z.url({ error: 'expected an absolute URL such as https://archive.example.com' }).default('https://archive.yiqihui.example'),
  /** The content directory: `content/`, or another one (fixtures, benchmarks). */
  CONTENT_DIR: z.string().min(1, 'expected a folder').default('content'),
  /** The build cache, restored by CI between runs. */
  BUILD_CACHE_DIR: z.string().min(1, 'expected a folder').default('.cache/build'),
  /** A file the build appends its phase timings to (the benchmark); none by default. */
  BUILD_TIMINGS: z.string().min(1, 'expected a file name').optional(),
  /** Where `npm run dev` finds the last build's search indexes (tests point it elsewhere). */
  DIST_DIR: z.string().min(1, 'expected a folder').default('dist'),
  /** `pagefind` switches to Pagefind's own Chinese segmentation, for comparison. */
  SEARCH_SEGMENTATION: z.enum(SEGMENTATIONS, { error: `expected one of ${SEGMENTATIONS.join(', ')}` }).default('bigram'),
  /** Search indexing threads, each writing one shard at a time; one per core by default. */
  SEARCH_INDEX_THREADS: wholeNumber('search indexing threads').optional(),
  /**
   * The most articles in a search shard: what an edit indexes again, and what a thread holds in
   * memory while it writes one (with SEARCH_SEGMENTATION=pagefind, Pagefind's service holds about
   * 1.2 GB per 1,000). Shards never reach the reader (they are merged into volumes).
   */
  SEARCH_SHARD_SIZE: wholeNumber('articles per search shard').default(200),
  /**
   * About how many articles a reader's first search covers: the newest volume of the index; older
   * volumes are searched when the reader asks for more (lib/search/shards.ts).
   */
  SEARCH_VOLUME_SIZE: wholeNumber('articles per search volume').default(10_000),
  /**
   * `1`: every page's key is computed, even where the last build's is kept (src/lib/route-data/page-keys.ts),
   * and a kept one that differs stops the build. The tests set it.
   */
  BUILD_CHECK_PAGE_KEYS: z.literal('1', { error: 'expected 1, or nothing' }).optional(),
  /** Build only this segment of the site (`npm run build -- --segment I/N` sets it; see lib/segments.ts). */
  BUILD_SEGMENT: z
    .string()
    .transform(
      (text, context) => parseSegment(text) ?? (context.addIssue({ code: 'custom', message: `expected ${SEGMENT_FORMAT}` }), z.NEVER),
    )
    .optional(),
});

/** A setting the environment got wrong: the message names each variable, its value and what it takes. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** The settings from an environment (pure: `process.env` is read once, below). */
export function readSettings(env: Record<string, string | undefined>) {
  const given = Object.fromEntries(Object.keys(environmentSchema.shape).map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const result = environmentSchema.safeParse(given);
  if (!result.success) {
    throw new SettingsError(
      result.error.issues
        .map((issue) => {
          const name = String(issue.path[0]);
          return `${name}=${JSON.stringify(env[name])} is not a valid setting: ${issue.message}; fix or unset it`;
        })
        .join('\n'),
    );
  }
  const values = result.data;
  return {
    siteUrl: values.SITE_URL,
    contentDir: path.resolve(values.CONTENT_DIR),
    buildCacheDir: path.resolve(values.BUILD_CACHE_DIR),
    buildTimings: values.BUILD_TIMINGS,
    distDir: path.resolve(values.DIST_DIR),
    searchSegmentation: values.SEARCH_SEGMENTATION,
    searchIndexThreads: values.SEARCH_INDEX_THREADS,
    searchShardSize: values.SEARCH_SHARD_SIZE,
    searchVolumeSize: values.SEARCH_VOLUME_SIZE,
    buildSegment: values.BUILD_SEGMENT,
    checkPageKeys: values.BUILD_CHECK_PAGE_KEYS === '1',
  };
}

export type Settings = ReturnType<typeof readSettings>;

/**
 * Read when a command starts (every command imports this module, directly or not): a bad value
 * stops it there with the message alone, before it does anything. Thrown instead, it reached the
 * user wrapped in Node's report of an uncaught exception.
 */
function settingsOrExit(env: NodeJS.ProcessEnv): Settings {
  try {
    return readSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

export const settings: Settings = settingsOrExit(process.env);
