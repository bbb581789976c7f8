import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyStore, PackWriter, readBody } from '../../../src/integrations/site-data/body-store.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

describe('BodyStore', () => {
  it('keeps bodies in packs, one after another, for a later build to read each where it is', async () => {
    const dir = path.join(await tempDir('body-store'), 'bodies');
    const pack = new PackWriter(dir);
    const bodies = ['<p>发货时间："第二天"\n第二行</p>', '', '<p>ascii only</p>', '<p>𠀀 beyond the BMP</p>'];
    const places = bodies.map((html) => pack.add(html));
    // Not readable under its name until closed: a pack is named once whole.
    expect(readdirSync(dir).every((name) => name.endsWith('.tmp'))).toBe(true);
    pack.close();
    const later = new BodyStore(dir);
    expect(places.map((place) => later.has(place))).toEqual([true, true, true, true]);
    expect(places.map((place) => later.read(place))).toEqual(bodies);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('gives a body whose HTML is read from its pack when asked for, also when cloned for another thread', async () => {
    const store = new BodyStore(await tempDir('body-store'));
    const place = store.put('<p>正文</p>');
    expect(store.has(place)).toBe(true);
    const body = store.body('hash', place);
    expect(body).toEqual({ hash: 'hash', html: '<p>正文</p>' });
    expect(structuredClone(body)).toEqual({ hash: 'hash', html: '<p>正文</p>' });
    // The key of a page leaves bodies out: the HTML is not read for it.
    const nowhere = store.body('hash', ['000000000000000000000000.pack', 0, 10]);
    expect(JSON.stringify({ body: nowhere }, (key, value) => (key === 'body' ? undefined : value))).toBe('{}');
  });

  it("knows the packs a worker wrote once told, and prunes those no kept body is in, a killed build's temporary files included", async () => {
    const dir = await tempDir('body-store');
    writeFileSync(path.join(dir, 'abandoned.pack.tmp'), '<p>半');
    const store = new BodyStore(dir);
    const first = new PackWriter(dir);
    const kept = first.add('<p>留</p>');
    const alsoInFirst = first.add('<p>同一个包里不再用的</p>');
    first.close();
    const second = new PackWriter(dir);
    const dropped = second.add('<p>删</p>');
    second.close();
    expect(store.has(kept)).toBe(false);
    store.added(kept);
    store.added(dropped);
    // A pack stays while any body in it is kept.
    expect(store.prune([kept])).toBe(2);
    expect(readdirSync(dir)).toEqual([kept[0]]);
    expect([store.has(kept), store.has(alsoInFirst), store.has(dropped)]).toEqual([true, true, false]);
    expect(readBody(dir, kept)).toBe('<p>留</p>');
  });

  it('leaves alone what another build wrote since this one started: a pack, or a temporary file it is writing', async () => {
    const dir = await tempDir('body-store');
    const store = new BodyStore(dir);
    const other = new PackWriter(dir);
    const theirs = other.add('<p>另一个构建的</p>');
    other.close();
    writeFileSync(path.join(dir, 'being-written.pack.tmp'), '<p>半');
    expect(store.prune([])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([theirs[0], 'being-written.pack.tmp'].sort());
    // The next build saw them at its start: it removes them if nothing it keeps names them.
    expect(new BodyStore(dir).prune([])).toBe(2);
  });

  it('names the pack to delete when one was cut short', async () => {
    const dir = await tempDir('body-store');
    const store = new BodyStore(dir);
    const place = store.put('<p>一段正文</p>');
    truncateSync(path.join(dir, place[0]), 4);
    expect(() => store.read(place)).toThrow(
      `the build cache's body pack ${path.join(dir, place[0])} is cut short: delete ${dir} and build again`,
    );
  });

  it('prunes nothing where no build wrote a body yet', async () => {
    const dir = path.join(await tempDir('body-store'), 'never-made');
    expect(new BodyStore(dir).prune([])).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });
});
