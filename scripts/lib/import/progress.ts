/**
 * Progress of `npm run import`: a bar on a terminal, a plain line a page elsewhere (CI logs, pipes),
 * both on stderr so the summary on stdout stays clean.
 */
import { SingleBar } from 'cli-progress';
import { liveTerminal } from '../cli.ts';
import type { ImportProgress } from './importer.ts';

export interface ProgressView {
  update(progress: ImportProgress): void;
  stop(): void;
}

const plural = (n: number) => `${n} article${n === 1 ? '' : 's'}`;

export function progressView(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): ProgressView {
  if (!liveTerminal(stream, env)) {
    return {
      update: ({ done, total, file, articles }) => stream.write(`[${done}/${total}] ${file}: ${plural(articles)}\n`),
      stop: () => {},
    };
  }
  const bar = new SingleBar({ stream, format: 'importing {bar} {value}/{total} pages | {file}', hideCursor: true, clearOnComplete: true });
  let started = false;
  return {
    update: ({ done, total, file }) => {
      if (!started) bar.start(total, 0, { file: '' });
      started = true;
      bar.update(done, { file });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
