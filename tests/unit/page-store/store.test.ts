/** The page store: pages by key, restored as links, never rewritten in place, pruned to what a build used. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFileOf, PageStore } from '../../../src/integrations/page-store/store.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('outputFileOf', () => {
  it("names the file Astro's directory format writes for a page", () => {
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/articles/a-01')).toBe('articles/a-01/index.html');
    expect(outputFileOf('/zh-hant/jingying/2/')).toBe('zh-hant/jingying/2/index.html');
  });
});

describe('PageStore', () => {
  it('restores the pages an earlier build stored, as links into the new output', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    const first = new PageStore(dir);
    expect(first.has('k1')).toBe(false);
    first.put('k1', bytes('<p>一</p>'));
    first.put('k2', bytes('<p>二</p>'));
    await first.flush();

    const second = new PageStore(dir);
    expect(second.has('k1')).toBe(true);
    expect(second.has('k3')).toBe(false);
    const out = path.join(root, 'out');
    await second.restore([{ key: 'k1', file: 'articles/a/index.html' }], out);
    const restored = path.join(out, 'articles/a/index.html');
    expect(readFileSync(restored, 'utf8')).toBe('<p>一</p>');
    expect(statSync(restored).ino).toBe(statSync(path.join(dir, 'k1.html')).ino);
  });

  it('writes a page under a new name, so an output linked to the old one keeps its page', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    const first = new PageStore(dir);
    first.put('k1', bytes('old'));
    await first.flush();
    const out = path.join(root, 'out');
    await new PageStore(dir).restore([{ key: 'k1', file: 'a/index.html' }], out);
    // Stored again (as a build that died before pruning would leave it): a new file, renamed.
    const again = new PageStore(dir);
    again.put('k1', bytes('new'));
    await again.flush();
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(dir, 'k1.html'), 'utf8')).toBe('new');
  });

  it('keeps only what the last build used, and what a killed build left half-written goes too', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    const first = new PageStore(dir);
    for (const key of ['k1', 'k2', 'k3']) first.put(key, bytes(key));
    await first.flush();
    writeFileSync(path.join(dir, 'k4.html.0a1b2c.tmp'), 'half');

    const second = new PageStore(dir);
    expect(second.has('k1')).toBe(true);
    second.put('k5', bytes('k5'));
    await second.flush();
    expect(await second.prune()).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['k1.html', 'k5.html']);
    // A half-written file is never taken for a page.
    expect(new PageStore(dir).has('k4')).toBe(false);
  });

  it('starts empty where there is no store yet', async () => {
    const root = await tempDir('page-store');
    const store = new PageStore(path.join(root, 'none'));
    expect(store.has('k1')).toBe(false);
    await store.flush();
    expect(await store.prune()).toBe(0);
    expect(existsSync(path.join(root, 'none'))).toBe(false);
  });
});
