import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressView } from '../../../scripts/lib/import/progress.ts';

/** A stream that keeps what is written to it; `terminal` adds what a TTY has (cursor moves, width). */
function captured(isTTY: boolean, terminal = false) {
  const written: string[] = [];
  const sink = Object.assign(
    new Writable({
      write: (chunk, _, done) => {
        written.push(String(chunk));
        done();
      },
    }),
    { isTTY },
    terminal ? { columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true } : {},
  );
  return { sink: sink as unknown as NodeJS.WriteStream, written };
}

describe('progress', () => {
  it.each([
    ['not a terminal', false, {}],
    ['CI', true, { CI: 'true' }],
  ])('is a plain line a page when %s', (_, isTTY, env) => {
    const { sink, written } = captured(isTTY);
    const view = progressView(sink, env);
    view.update({ done: 1, total: 2, file: 'a.txt', articles: 20 });
    view.update({ done: 2, total: 2, file: 'b.txt', articles: 1 });
    view.stop();
    expect(written).toEqual(['[1/2] a.txt: 20 articles\n', '[2/2] b.txt: 1 article\n']);
  });
});

describe('progress on a terminal', () => {
  it('is a bar that names the page being read, cleared when done', () => {
    const { sink, written } = captured(true, true);
    const view = progressView(sink, {});
    view.update({ done: 1, total: 2, file: 'a.txt', articles: 20 });
    view.stop();
    expect(written.join('')).toMatch(/importing .* 1\/2 pages \| a\.txt/);
    expect(written.join('')).not.toContain('[1/2]');
  });
});
