/** The list of the last build's pages: read back as written, and nothing taken from a list that is not one. */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLastOutput, readLastOutput, writeLastOutput } from '../../../src/integrations/page-store/last-output.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';
import { goneProcess } from '../../helpers/gone-process.ts';

const pages = [
  { file: 'index.html', key: 'k-home' },
  { file: 'articles/a-01/index.html', key: 'Ab_9-x' },
  { file: 'zh-hant/jingying/2/index.html', key: 'k2' },
  // Two dots in a name are not a way out.
  { file: 'articles/v1..2/index.html', key: 'k3' },
];

describe('the last output list', () => {
  it('reads back what was written', async () => {
    const file = path.join(await tempDir('last-output'), 'list.json');
    expect(readLastOutput(file, 'v1')).toEqual([]);
    await writeLastOutput(file, pages, 'v1');
    expect(readLastOutput(file, 'v1')).toEqual(pages);
  });

  it('removes the half-written lists killed builds left', async () => {
    const file = path.join(await tempDir('last-output'), 'list.json');
    const killed = `${file}.${goneProcess()}.tmp`;
    writeFileSync(killed, '[["index.html"');
    await writeLastOutput(file, pages, 'v1');
    expect(existsSync(killed)).toBe(false);
    expect(readLastOutput(file, 'v1')).toEqual(pages);
  });

  it('takes nothing from a list written under another version of the code', async () => {
    const file = path.join(await tempDir('last-output'), 'list.json');
    await writeLastOutput(file, pages, 'v1');
    expect(readLastOutput(file, 'v2')).toEqual([]);
  });

  it.each([
    ['not JSON', '[["index.html", "k"'],
    ['no list of pages', '"index.html"'],
    ['not a list', '{"index.html": "k"}'],
    ['a pair too short', '[["index.html"]]'],
    ['a key that is not a name', '[["index.html", "../k"]]'],
    ['a file out of the output', '[["../../etc/index.html", "k"]]'],
    ['a file out of the output by the way of a folder', '[["articles/../../index.html", "k"]]'],
    ['a file out of the output by a backslash', '[["articles\\\\..\\\\..\\\\index.html", "k"]]'],
    ['an absolute file', '[["/etc/index.html", "k"]]'],
    ['a file that is no page', '[["_astro/app.js", "k"]]'],
    ['a number for a file', '[[1, "k"]]'],
  ])('takes nothing from %s', (_, text) => {
    expect(parseLastOutput(`{"version": "v1", "pages": ${text}}`, 'v1')).toEqual([]);
  });
});
