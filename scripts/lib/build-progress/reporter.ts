/**
 * How `npm run build` shows its progress (./state.ts), on stderr: one live line on a terminal,
 * redrawn in place; in CI (`CI` set) or when not a terminal, a plain line at each phase and each
 * quarter of the work. The Astro process's own output (warnings, errors, our integrations' lines)
 * is printed in full above the live line.
 */
import { SingleBar } from 'cli-progress';
import { liveTerminal } from '../cli.ts';
import { describe, milestone, START, type BuildProgress } from './state.ts';

export interface ProgressReporter {
  update(state: BuildProgress): void;
  /** A line of the Astro process's output, to `stream`. */
  print(stream: NodeJS.WriteStream, line: string): void;
  stop(): void;
}

export function progressReporter(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, now = () => Date.now()): ProgressReporter {
  return liveTerminal(stream, env) ? liveReporter(stream, now) : plainReporter(stream, now);
}

export function plainReporter(stream: NodeJS.WriteStream, now: () => number): ProgressReporter {
  let shown: string | undefined;
  return {
    update(state) {
      const mark = milestone(state);
      if (mark === shown) return;
      shown = mark;
      stream.write(`${describe(state, now())}\n`);
    },
    print: (to, line) => to.write(`${line}\n`),
    stop: () => {},
  };
}

function liveReporter(stream: NodeJS.WriteStream, now: () => number): ProgressReporter {
  let state = START;
  // The bar redraws itself several times a second, so the time left counts down between events.
  const bar = new SingleBar({
    stream,
    format: () => describe(state, now()),
    hideCursor: true,
    clearOnComplete: true,
    linewrap: false,
  });
  bar.start(1, 0);
  return {
    update(next) {
      state = next;
      bar.update(0);
    },
    print(to, line) {
      // Clear the live line, print, and draw it again below.
      stream.write('\r\u001b[K');
      to.write(`${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
