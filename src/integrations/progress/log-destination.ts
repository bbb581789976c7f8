/**
 * Astro's log, as `npm run build` shows it (astro.config.mjs names this file as Astro's logger).
 * With a parent drawing the progress (./events.ts), Astro's line per page becomes a progress event
 * and its other chatter is left out; warnings, errors and our own integrations' lines are printed in
 * full. Without one, everything is printed as Astro's own logger prints it.
 * Loaded by Node itself (Astro imports its logger before Vite runs): erasable TypeScript only.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';
import { reportProgress, reportsProgress, type ProgressEvent } from './events.ts';

/** Our integrations' names start with this: their lines say what the build did (search shards reused, …). */
const OURS = 'yiqihui-';
// Astro writes a page's line in two parts, `  ├─ <file>` and then ` (+12ms)`, ` (restored)` or
// ` (cached)`; pages render several at once, so the parts of different pages interleave.
const PAGE_START = /^\s*\S*├─/;
const PAGE_END = /^\s*(?:\S*\((?:\+[\d.]+\s*m?s|restored|cached)\)\S*\s*)+/;

/** What a log event means for someone watching the build: a page written, a line to print, or nothing. */
export function classify(event: AstroLoggerMessage): ProgressEvent | 'print' | 'drop' {
  if (event.level === 'warn' || event.level === 'error') return 'print';
  if (event.level !== 'info') return 'drop';
  if (event.label?.startsWith(OURS)) return 'print';
  if (PAGE_START.test(event.message)) return 'drop';
  if (event.label === 'SKIP_FORMAT' && PAGE_END.test(event.message)) {
    return { kind: 'page', count: 1, restored: /\((?:restored|cached)\)/.test(event.message) ? 1 : 0 };
  }
  return 'drop';
}

type PageEvent = Extract<ProgressEvent, { kind: 'page' }>;
/** How long written pages are counted before they are sent. */
const PAGE_BATCH_MS = 100;

/**
 * Pages counted and sent at most every PAGE_BATCH_MS, and before anything else is sent or printed,
 * so the parent sees events in order: a message per page cost the build's main thread a second
 * at 21,000 pages.
 */
export function pageBatches(send: (event: PageEvent) => void) {
  let pending: PageEvent = { kind: 'page', count: 0, restored: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.count) send(pending);
    pending = { kind: 'page', count: 0, restored: 0 };
  };
  return {
    add(event: PageEvent) {
      pending.count += event.count;
      pending.restored += event.restored;
      timer ??= setTimeout(flush, PAGE_BATCH_MS).unref();
    },
    flush,
  };
}

/**
 * Astro's log events as `npm run build` sees them: page counts batched into `send`, other progress
 * events sent at once after the pages before them, lines worth reading printed, the rest dropped.
 */
export function progressWriter(printed: AstroLoggerDestination, send: (event: ProgressEvent) => void) {
  const pages = pageBatches(send);
  return {
    write(event: AstroLoggerMessage) {
      const meaning = classify(event);
      if (typeof meaning === 'object' && meaning.kind === 'page') return pages.add(meaning);
      // Dropped lines (half of a page's own, among them) must not end a batch.
      if (meaning === 'drop') return;
      pages.flush();
      if (meaning === 'print') printed.write(event);
      else send(meaning);
    },
    flush: pages.flush,
  };
}

export default function progressLog(config?: { level?: AstroLoggerMessage['level'] }): AstroLoggerDestination {
  const printed = nodeDestination(config);
  if (!reportsProgress()) return printed;
  const writer = progressWriter(printed, reportProgress);
  // The timer does not hold the process open: what is left is sent as it ends.
  process.once('beforeExit', writer.flush);
  return { write: writer.write };
}
