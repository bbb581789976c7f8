/**
 * The build's tuning: measured trade-offs, kept here so that they are found and changed in one
 * place. Apart from the settings (config.ts) because threads import these: config.ts loads zod to
 * check the environment, 25–30 ms of each thread's start, and a link thread needs only a number.
 */

/** Below this many articles a build worker's start (about 1 s to load Markdown and OpenCC) costs more than it saves. */
export const WORKER_MIN_ITEMS = 400;
/** Build workers at most; one per core up to this. */
export const MAX_WORKER_THREADS = 4;
/** Below this many pages each, validation threads' start (loading html-validate, about 1 s) costs more than they save (8 ms a page). */
export const VALIDATION_MIN_PAGES = 200;
/** Search records and fragments are sent and written in batches: all at once would hold or open every one. */
export const SEARCH_BATCH = 200;
/** Files hard-linked at once from the build cache into the output. */
export const LINK_PARALLEL = 64;
/** Pages Astro renders at once. They render one at a time either way; more at once overlaps their writing. */
export const PAGE_CONCURRENCY = 8;
