/**
 * What the Astro process tells `npm run build` about its progress. The build runs Astro as a child
 * process with an IPC channel (scripts/build.ts), which draws the progress; Astro run any other way
 * (`astro dev`, `astro build` by hand) has no channel, and then nothing is sent and every log line is
 * printed as Astro prints it.
 */

/** The phases the Astro process announces; rendering starts with the page count (`pages`). */
export type AstroPhase = 'validating' | 'preparing' | 'bundles';

export type ProgressEvent =
  | { kind: 'phase'; phase: AstroPhase }
  /** Rendering starts: the pages Astro is about to generate (its static paths, all routes together). */
  | { kind: 'pages'; total: number }
  /** Pages written since the last such event (rendered, or restored from the page store), and of those restored. */
  | { kind: 'page'; count: number; restored: number }
  | { kind: 'shards'; done: number; total: number };

/** Whether this process reports its progress to a parent (and so leaves the page lines out of its log). */
export const reportsProgress = (): boolean => typeof process.send === 'function';

type PageEvent = Extract<ProgressEvent, { kind: 'page' }>;
/** How long written pages are counted before they are sent. */
const PAGE_BATCH_MS = 100;

/** Pages counted and sent at most every PAGE_BATCH_MS: a message per page cost the build's main thread a second at 21,000 pages. */
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
 * Progress events as `send` gets them: page counts in batches, any other event after the pages
 * counted before it, so that the parent never sees a phase end before its last pages.
 */
export function progressSender(send: (event: ProgressEvent) => void) {
  const pages = pageBatches(send);
  return {
    report(event: ProgressEvent) {
      if (event.kind === 'page') return pages.add(event);
      pages.flush();
      send(event);
    },
    flush: pages.flush,
  };
}

let sender: ReturnType<typeof progressSender> | undefined;

export function reportProgress(event: ProgressEvent): void {
  if (!reportsProgress()) return;
  // The batch's timer does not hold the process open, and Astro ends it with process.exit (no
  // beforeExit): the build's last hook sends what is left with `flushProgress`.
  sender ??= progressSender((message) => process.send?.(message));
  sender.report(event);
}

/** Sends the pages counted so far now: for the last report of a build, which no later event would send. */
export const flushProgress = (): void => sender?.flush();
