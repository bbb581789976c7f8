/** The last build's pages linked ahead of the keys: only those the store holds, and what was linked said exactly. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLastOutput } from '../../../src/integrations/page-store/last-output.ts';
import { linkAheadOnThread, linkAheadSync } from '../../../src/integrations/page-store/link-ahead.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

/**
 * A store holding `keys` (each page's text is its key), the last output's list naming `pages`
 * (written under `listVersion`), an empty output, and the job of a build whose code is version v1.
 */
async function setUp(keys: string[], pages: { file: string; key: string }[], listVersion = 'v1') {
  const root = await tempDir('link-ahead');
  const store = path.join(root, 'pages');
  mkdirSync(store);
  for (const key of keys) writeFileSync(path.join(store, `${key}.html`), key);
  const list = path.join(root, 'page-outputs.json');
  await writeLastOutput(list, pages, listVersion);
  const outDir = path.join(root, 'out');
  mkdirSync(outDir);
  return { list, store, outDir, version: 'v1' };
}

describe('linkAheadSync', () => {
  it('links the listed pages the store holds, and leaves out those it does not', async () => {
    const job = await setUp(
      ['k1', 'k2'],
      [
        { file: 'articles/a/index.html', key: 'k1' },
        { file: 'index.html', key: 'k2' },
        { file: 'articles/gone/index.html', key: 'k-pruned' },
      ],
    );
    const linked = linkAheadSync(job);
    expect(linked).toEqual({ files: ['articles/a/index.html', 'index.html'], keys: ['k1', 'k2'], failed: false });
    const page = path.join(job.outDir, 'articles/a/index.html');
    expect(readFileSync(page, 'utf8')).toBe('k1');
    expect(statSync(page).ino).toBe(statSync(path.join(job.store, 'k1.html')).ino);
    expect(existsSync(path.join(job.outDir, 'articles/gone'))).toBe(false);
  });

  it('links nothing from a list another version of the code wrote', async () => {
    const job = await setUp(['k1'], [{ file: 'index.html', key: 'k1' }], 'v0');
    expect(linkAheadSync(job)).toEqual({ files: [], keys: [], failed: false });
    expect(existsSync(path.join(job.outDir, 'index.html'))).toBe(false);
  });

  it('says it failed, and names every page it tried, when a link cannot be made', async () => {
    const job = await setUp(
      ['k1', 'k2'],
      [
        { file: 'a/index.html', key: 'k1' },
        { file: 'b/index.html', key: 'k2' },
      ],
    );
    // A file already in the way: a link is never made over one.
    mkdirSync(path.join(job.outDir, 'b'));
    writeFileSync(path.join(job.outDir, 'b/index.html'), 'in the way');
    const linked = linkAheadSync(job);
    expect(linked.failed).toBe(true);
    expect(linked.files).toEqual(['a/index.html', 'b/index.html']);
    expect(readFileSync(path.join(job.outDir, 'b/index.html'), 'utf8')).toBe('in the way');
  });

  it('does the same on a thread of its own', async () => {
    const job = await setUp(['k1'], [{ file: 'c/index.html', key: 'k1' }]);
    expect(await linkAheadOnThread(job)).toEqual({ files: ['c/index.html'], keys: ['k1'], failed: false });
    expect(readFileSync(path.join(job.outDir, 'c/index.html'), 'utf8')).toBe('k1');
  });
});
