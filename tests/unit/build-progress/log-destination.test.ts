/** Astro's log under `npm run build`: a page's line becomes a count; warnings, errors and our own lines are printed. */
import { describe, expect, it, vi } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { classify, progressWriter, withoutRepeats } from '../../../src/integrations/progress/log-destination.ts';
import { pageBatches, progressSender, type ProgressEvent } from '../../../src/integrations/progress/events.ts';

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({ level: 'info', label, message, newLine });
// As Astro 7 writes them, colours and all.
const BLUE_START = '  \u001b[34m├─\u001b[39m \u001b[2m/articles/a/index.html\u001b[22m';

describe("Astro's log events", () => {
  it('counts each page once, at its end', () => {
    expect(classify(info(null, BLUE_START, false))).toBe('drop');
    expect(classify(info(null, '  ├─ /rss.xml', false))).toBe('drop');
    expect(classify(info('SKIP_FORMAT', ' \u001b[2m(+12ms)\u001b[22m '))).toEqual({ kind: 'page', count: 1, restored: 0 });
    expect(classify(info('SKIP_FORMAT', ' (+1.02s) (file not created, response body was empty)'))).toEqual({
      kind: 'page',
      count: 1,
      restored: 0,
    });
  });

  it("prints warnings, errors and our integrations' lines, and leaves Astro's other chatter out", () => {
    expect(classify({ level: 'warn', label: 'build', message: 'Could not prune', newLine: true })).toBe('print');
    expect(classify({ level: 'error', label: 'build', message: 'Caught error rendering /a/', newLine: true })).toBe('print');
    expect(classify(info('yiqihui-pagefind', '30 articles indexed'))).toBe('print');
    expect(classify(info('build', 'Collecting build info...'))).toBe('drop');
    expect(classify(info('SKIP_FORMAT', '\n generating static routes '))).toBe('drop');
    expect(classify({ level: 'debug', label: 'build', message: 'Initial setup...', newLine: true })).toBe('drop');
  });

  it('sends a page per page line and prints what is worth reading', () => {
    const sent: ProgressEvent[] = [];
    const printed: AstroLoggerMessage[] = [];
    const writer = progressWriter({ write: (event) => void printed.push(event) }, (event) => sent.push(event));
    const warning: AstroLoggerMessage = { level: 'warn', label: 'build', message: 'Could not prune', newLine: true };
    for (const event of [
      info(null, BLUE_START, false),
      info('SKIP_FORMAT', ' (+3ms)'),
      info('build', 'Collecting build info...'),
      warning,
    ]) {
      writer.write(event);
    }
    expect(sent).toEqual([{ kind: 'page', count: 1, restored: 0 }]);
    expect(printed).toEqual([warning]);
  });
});

describe('errors and warnings printed once', () => {
  const error = (message: string): AstroLoggerMessage => ({ level: 'error', label: null, message, newLine: true });
  const PROBLEMS = '1 problem in content:\n  content/articles/a.md:4 channel: unknown channel "x"';
  const WITH_HINT = `${PROBLEMS}\n  Hint:\n    Fix the files named above and save.`;

  /** What is printed of `events`, as messages. */
  const printedOf = (events: AstroLoggerMessage[], shown = new Set<string>()) => {
    const printed: string[] = [];
    const writer = withoutRepeats({ write: (event) => void printed.push(event.message) }, shown);
    for (const event of events) writer.write(event);
    return printed;
  };

  it('prints an error again only once another line was printed since', () => {
    // A page load in `npm run dev`: the page's error with its hint, then the favicon's, bare and with it.
    expect(printedOf([error(WITH_HINT), error(PROBLEMS), error(WITH_HINT)])).toEqual([WITH_HINT]);
    expect(printedOf([error(WITH_HINT), info('yiqihui-site-data', 'a.md changed: reloading'), error(WITH_HINT)])).toEqual([
      WITH_HINT,
      'a.md changed: reloading',
      WITH_HINT,
    ]);
  });

  it('prints every different error, and a warning with the same words as an error', () => {
    const warning: AstroLoggerMessage = { level: 'warn', label: null, message: PROBLEMS, newLine: true };
    expect(printedOf([error(PROBLEMS), error('Another error'), warning, error(PROBLEMS)])).toEqual([PROBLEMS, 'Another error', PROBLEMS]);
    // Only a whole message followed by more lines is the same error: not one that merely starts alike.
    expect(printedOf([error(`${PROBLEMS} and more`), error(PROBLEMS)])).toEqual([`${PROBLEMS} and more`, PROBLEMS]);
  });

  it('shares what was printed between the two copies of the logger Astro loads in dev', () => {
    const shown = new Set<string>();
    expect(printedOf([error(WITH_HINT)], shown)).toEqual([WITH_HINT]);
    expect(printedOf([error(PROBLEMS), error(WITH_HINT)], shown)).toEqual([]);
  });
});

describe('progress sent to the parent', () => {
  it('counts pages in batches, sent once a batch is due', () => {
    vi.useFakeTimers();
    try {
      const sent: unknown[] = [];
      const batches = pageBatches((event) => sent.push(event));
      for (let i = 0; i < 500; i++) batches.add({ kind: 'page', count: 1, restored: i % 2 });
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(100);
      expect(sent).toEqual([{ kind: 'page', count: 500, restored: 250 }]);
      batches.add({ kind: 'page', count: 1, restored: 0 });
      batches.flush();
      batches.flush();
      expect(sent).toEqual([
        { kind: 'page', count: 500, restored: 250 },
        { kind: 'page', count: 1, restored: 0 },
      ]);
      vi.advanceTimersByTime(1000);
      expect(sent).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends any other event after the pages counted before it, so a phase never ends before its last pages', () => {
    vi.useFakeTimers();
    try {
      const sent: ProgressEvent[] = [];
      const { report } = progressSender((event) => sent.push(event));
      for (let i = 0; i < 300; i++) report({ kind: 'page', count: 1, restored: 0 });
      report({ kind: 'page', count: 40, restored: 40 });
      expect(sent).toEqual([]);
      report({ kind: 'phase', phase: 'bundles' });
      expect(sent).toEqual([
        { kind: 'page', count: 340, restored: 40 },
        { kind: 'phase', phase: 'bundles' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
