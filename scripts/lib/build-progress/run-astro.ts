/**
 * Runs `astro build` as a child process with an IPC channel, over which it reports its progress
 * (src/integrations/progress/), and passes its output on line by line, so that the progress line
 * is drawn around it. Resolves with the exit status and where the build got to.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ProgressEvent } from '../../../src/integrations/progress/events.ts';
import type { ProgressReporter } from './reporter.ts';
import { advance, START, type BuildProgress } from './state.ts';

export async function runAstro(
  args: string[],
  env: NodeJS.ProcessEnv,
  reporter: ProgressReporter,
): Promise<{ status: number; progress: BuildProgress }> {
  const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe', 'ipc'], env });
  let progress = START;
  reporter.update(progress);
  child.on('message', (event: ProgressEvent) => {
    progress = advance(progress, event, Date.now());
    reporter.update(progress);
  });
  const passOn = async (from: Readable, to: NodeJS.WriteStream) => {
    const lines = createInterface({ input: from, crlfDelay: Infinity });
    lines.on('line', (line) => reporter.print(to, line));
    await once(lines, 'close');
  };
  const [[code]] = await Promise.all([
    once(child, 'close') as Promise<[number | null]>,
    // Both are pipes (stdio above).
    passOn(child.stdout!, process.stdout),
    passOn(child.stderr!, process.stderr),
  ]);
  // Killed by a signal: no code, and a failed build.
  return { status: code ?? 1, progress };
}
