import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dirs.ts';

let BuildCache: typeof import('../../../src/integrations/site-data/build-cache.ts').BuildCache;
let dir: string;

beforeAll(async () => {
  dir = await tempDir('build-cache');
  vi.stubEnv('BUILD_CACHE_DIR', dir);
  ({ BuildCache } = await import('../../../src/integrations/site-data/build-cache.ts'));
});

describe('BuildCache', () => {
  it('reads back what a build saved, values with line breaks and Chinese included', () => {
    const first = new BuildCache<{ html: string }>('t', 'scope-a', 'v1');
    first.get('a', () => ({ html: '<p>发货\n第二行</p>' }));
    first.set('b', { html: '"引号" \\ 反斜杠' });
    first.save();
    const again = new BuildCache<{ html: string }>('t', 'scope-a', 'v1');
    expect(again.get('a', () => ({ html: 'recomputed' }))).toEqual({ html: '<p>发货\n第二行</p>' });
    expect(again.get('b', () => ({ html: 'recomputed' }))).toEqual({ html: '"引号" \\ 反斜杠' });
    expect(again.hits).toBe(2);
  });

  it('starts empty for another code version or a damaged file', async () => {
    expect(new BuildCache('t', 'scope-a', 'v2').has('a')).toBe(false);
    const damaged = new BuildCache('t', 'scope-b', 'v1');
    damaged.set('x', 1);
    damaged.save();
    expect(new BuildCache('t', 'scope-b', 'v1').has('x')).toBe(true);
    for (const file of readdirSync(dir)) await writeFile(path.join(dir, file), '{"version":"v1"}\n{not json');
    expect(new BuildCache('t', 'scope-b', 'v1').has('x')).toBe(false);
  });
});
