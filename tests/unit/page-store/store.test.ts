/** The page store: pages by key, restored as links, never rewritten in place, pruned to what a build used. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFileOf, PageStore } from '../../../src/integrations/page-store/store.ts';
import { hashOf } from '../../../src/lib/hash.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

/** Keys as a build makes them (`hashOf`, 27 characters): only such files are the store's to prune. */
const [K1, K2, K3, K4, K5] = ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => hashOf(k)) as [string, string, string, string, string];

/** A build's output, as Astro leaves it: the pages it rendered, which the store takes from there. */
function built(root: string, pages: Record<string, string>): string {
  const out = path.join(root, `built-${Object.keys(pages).join('-')}`);
  for (const [key, text] of Object.entries(pages)) {
    mkdirSync(path.join(out, key), { recursive: true });
    writeFileSync(path.join(out, key, 'index.html'), text);
  }
  return out;
}
/** Stores `pages` (text by key) as a build does: put as they render, adopted from the output at the end. */
async function storePages(into: PageStore, root: string, pages: Record<string, string>): Promise<void> {
  const out = built(root, pages);
  for (const key of Object.keys(pages)) into.put(key, `${key}/index.html`);
  await into.adopt(out);
}

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
    await storePages(first, root, { k1: '<p>一</p>', k2: '<p>二</p>' });

    const second = new PageStore(dir);
    expect(second.has('k1')).toBe(true);
    expect(second.has('k3')).toBe(false);
    const out = path.join(root, 'out');
    await second.restore([{ key: 'k1', file: 'articles/a/index.html' }], out);
    const restored = path.join(out, 'articles/a/index.html');
    expect(readFileSync(restored, 'utf8')).toBe('<p>一</p>');
    expect(statSync(restored).ino).toBe(statSync(path.join(dir, 'k1.html')).ino);
  });

  it('stores a rendered page as a link to the file Astro wrote, not as a second copy', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    await storePages(new PageStore(dir), root, { k1: '<p>一</p>' });
    expect(readFileSync(path.join(dir, 'k1.html'), 'utf8')).toBe('<p>一</p>');
    expect(statSync(path.join(dir, 'k1.html')).ino).toBe(statSync(path.join(root, 'built-k1', 'k1', 'index.html')).ino);
    expect(readdirSync(dir)).toEqual(['k1.html']);
  });

  it('writes a page under a new name, so an output linked to the old one keeps its page', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    const first = new PageStore(dir);
    await storePages(first, root, { k1: 'old' });
    const out = path.join(root, 'out');
    await new PageStore(dir).restore([{ key: 'k1', file: 'a/index.html' }], out);
    // Stored again (as a build that died before pruning would leave it): a new file, renamed.
    const again = new PageStore(dir);
    await storePages(again, path.join(root, 'again'), { k1: 'new' });
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(dir, 'k1.html'), 'utf8')).toBe('new');
  });

  it('keeps only what the last build used, and what a killed build left half-written goes too', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    const first = new PageStore(dir);
    await storePages(first, root, { [K1]: 'k1', [K2]: 'k2', [K3]: 'k3' });
    writeFileSync(path.join(dir, `${K4}.html.0a1b2c3d4e5f-7.tmp`), 'half');

    const second = new PageStore(dir);
    expect(second.has(K1)).toBe(true);
    // Found stored without `has`: linked ahead of the keys.
    second.keep(K2);
    await storePages(second, root, { [K5]: 'k5' });
    expect(await second.prune()).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([`${K1}.html`, `${K2}.html`, `${K5}.html`].sort());
    // A half-written file is never taken for a page.
    expect(new PageStore(dir).has(K4)).toBe(false);
  });

  it("never removes what it did not store: a writer's files in its folder stay, .html ones too", async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    await storePages(new PageStore(dir), root, { [K1]: 'k1' });
    writeFileSync(path.join(dir, 'notes.txt'), '写作者的笔记');
    writeFileSync(path.join(dir, 'about.html'), '<p>关于我们</p>');
    writeFileSync(path.join(dir, 'index.astro'), '---\n---');
    mkdirSync(path.join(dir, '[...variant]'));
    expect(await new PageStore(dir).prune()).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['[...variant]', 'about.html', 'index.astro', 'notes.txt']);
  });

  it('leaves the pages another build stored after this one started', async () => {
    const root = await tempDir('page-store');
    const dir = path.join(root, 'pages');
    await storePages(new PageStore(dir), root, { [K1]: 'k1', [K2]: 'k2' });
    const mine = new PageStore(dir);
    expect(mine.has(K1)).toBe(true);
    // Another build on the same cache, meanwhile: it stores k3, and is writing k4.
    await storePages(new PageStore(dir), path.join(root, 'other'), { [K3]: 'k3' });
    writeFileSync(path.join(dir, `${K4}.html.0a1b2c3d4e5f-7.tmp`), 'being written');
    expect(await mine.prune()).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`${K1}.html`, `${K3}.html`, `${K4}.html.0a1b2c3d4e5f-7.tmp`].sort());
  });

  it('starts empty where there is no store yet', async () => {
    const root = await tempDir('page-store');
    const store = new PageStore(path.join(root, 'none'));
    expect(store.has('k1')).toBe(false);
    await store.adopt(path.join(root, 'no output'));
    expect(await store.prune()).toBe(0);
    expect(existsSync(path.join(root, 'none'))).toBe(false);
  });
});
