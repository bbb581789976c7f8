import { describe, expect, it } from 'vitest';
import { progressView } from '../../../scripts/lib/import/progress.ts';
import { writeSink } from '../../helpers/write-sink.ts';

describe('progress', () => {
  it.each([
    ['not a terminal', false, {}],
    ['CI', true, { CI: 'true' }],
  ])('is a plain line a page when %s', (_, isTTY, env) => {
    const { stream, written } = writeSink(isTTY);
    const view = progressView(stream, env);
    view.update({ done: 1, total: 2, file: 'a.txt', articles: 20 });
    view.update({ done: 2, total: 2, file: 'b.txt', articles: 1 });
    view.stop();
    expect(written).toEqual(['[1/2] a.txt: 20 articles\n', '[2/2] b.txt: 1 article\n']);
  });
});

describe('progress on a terminal', () => {
  it('is a bar that names the page being read, cleared when done', () => {
    const { stream, written } = writeSink(true);
    const view = progressView(stream, {});
    view.update({ done: 1, total: 2, file: 'a.txt', articles: 20 });
    view.stop();
    expect(written.join('')).toMatch(/importing .* 1\/2 pages \| a\.txt/);
    expect(written.join('')).not.toContain('[1/2]');
  });
});
