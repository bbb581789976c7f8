/**
 * Astro's log, as `npm run build` and `npm run dev` show it (astro.config.mjs names this file as
 * Astro's logger). With a parent drawing the progress (./events.ts), Astro's line per page becomes a
 * progress event and its other chatter is left out; warnings, errors and our own integrations' lines
 * are printed in full. Without one, everything is printed as Astro's own logger prints it. Either
 * way, a warning or error is not printed again while it is the last thing printed.
 * Loaded by Node itself (Astro imports its logger before Vite runs): erasable TypeScript only.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';
import { reportProgress, reportsProgress, type ProgressEvent } from './events.ts';

/** Our integrations' names start with this: their lines say what the build did (search shards reused, …). */
const OURS = 'yiqihui-';
// Astro writes a page's line in two parts, `  ├─ <file>` and then ` (+12ms)`; pages render several
// at once, so the parts of different pages interleave. (Pages restored from the page store are
// counted by it: Astro never sees them.)
const PAGE_START = /^\s*\S*├─/;
const PAGE_END = /^\s*\S*\(\+[\d.]+\s*m?s\)/;

/** What a log event means for someone watching the build: a page written, a line to print, or nothing. */
export function classify(event: AstroLoggerMessage): ProgressEvent | 'print' | 'drop' {
  if (event.level === 'warn' || event.level === 'error') return 'print';
  if (event.level !== 'info') return 'drop';
  if (event.label?.startsWith(OURS)) return 'print';
  if (PAGE_START.test(event.message)) return 'drop';
  if (event.label === 'SKIP_FORMAT' && PAGE_END.test(event.message)) {
    return { kind: 'page', count: 1, restored: 0 };
  }
  return 'drop';
}

/**
 * Astro's log events as `npm run build` sees them: pages and other progress events sent (batched
 * by `send`, ./events.ts), lines worth reading printed, the rest dropped.
 */
export function progressWriter(printed: AstroLoggerDestination, send: (event: ProgressEvent) => void): AstroLoggerDestination {
  return {
    write(event: AstroLoggerMessage) {
      const meaning = classify(event);
      if (meaning === 'print') printed.write(event);
      else if (meaning !== 'drop') send(meaning);
    },
  };
}

/**
 * A warning or error already printed, with nothing else printed since, is not printed again. In
 * `npm run dev`, invalid content fails every request a page load makes (the page, and the favicon
 * the browser asks for, which Astro tries its routes for) with the same list of problems, and
 * Astro prints a failed request's error twice, as its bare message and then with its hint (the
 * bare message followed by more lines). Printed once, the writer reads the list once. A writer's
 * save prints a line (the site-data integration's), so the list comes again after it if the save
 * did not fix it.
 */
export function withoutRepeats(printed: AstroLoggerDestination, shown = new Set<string>()): AstroLoggerDestination {
  return {
    write(event: AstroLoggerMessage) {
      if (event.level !== 'warn' && event.level !== 'error') {
        shown.clear();
      } else {
        const text = `${event.level} ${event.message}`;
        if ([...shown].some((s) => s === text || s.startsWith(`${text}\n`))) return;
        shown.add(text);
      }
      printed.write(event);
    },
  };
}

/**
 * The warnings and errors printed since the last other line, each as its level and message: one
 * set for the process, as Astro loads this file twice in `npm run dev` (with Node, and in Vite's
 * module runner for the pages), and the two print the same request's error.
 */
const SHOWN = Symbol.for('yiqihui.log.printed-since-other-line');
const printedSinceOtherLine = () => ((globalThis as { [SHOWN]?: Set<string> })[SHOWN] ??= new Set<string>());

export default function progressLog(config?: { level?: AstroLoggerMessage['level'] }): AstroLoggerDestination {
  const printed = withoutRepeats(nodeDestination(config), printedSinceOtherLine());
  return reportsProgress() ? progressWriter(printed, reportProgress) : printed;
}
