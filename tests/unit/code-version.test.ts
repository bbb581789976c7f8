import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { codeVersion, moduleGraph, PAGE_PRODUCERS, treeVersion } from '../../src/integrations/code-version.ts';
import { CACHE_PRODUCERS } from '../../src/integrations/site-data/site.ts';
import { SEARCH_PRODUCERS } from '../../src/integrations/search/write-indexes.ts';
import { tempDirSync } from '../helpers/temp-dirs.ts';

let BuildCache: typeof import('../../src/integrations/site-data/build-cache.ts').BuildCache;

/** A copy of the project's code, to change without touching the repository. */
function projectCopy(): string {
  const root = tempDirSync('code-version');
  cpSync('src', path.join(root, 'src'), { recursive: true });
  for (const file of ['package-lock.json', 'astro.config.mjs', 'tsconfig.json']) cpSync(file, path.join(root, file));
  return root;
}

beforeAll(async () => {
  vi.stubEnv('BUILD_CACHE_DIR', tempDirSync('code-version-cache'));
  ({ BuildCache } = await import('../../src/integrations/site-data/build-cache.ts'));
});

describe('moduleGraph', () => {
  it('follows imports through the whole graph and leaves out modules the producers do not import', () => {
    const graph = moduleGraph(CACHE_PRODUCERS.markdown);
    expect(graph).toContain('src/lib/archive/prepare-body.ts');
    expect(graph).toContain('src/lib/markdown/render.ts');
    expect(graph).toContain('src/lib/markdown/summarize.ts');
    expect(graph).toContain('src/lib/markdown/sanitize-schema.ts');
    expect(graph).not.toContain('src/lib/pager.ts');
    expect(graph.some((f) => f.includes('node_modules'))).toBe(false);
  });
});

describe('caches keyed by their producers', () => {
  const stages = {
    ...CACHE_PRODUCERS,
    search: SEARCH_PRODUCERS,
  };

  for (const [stage, producers] of Object.entries(stages)) {
    it(`${stage}: an edit to any module of its graph recomputes its entries; an edit elsewhere does not`, () => {
      const root = projectCopy();
      const graph = moduleGraph(producers, root);
      expect(graph.length).toBeGreaterThan(producers.length);
      // Every producer, and the deepest-looking module of the graph (a leaf the producers import).
      for (const file of [...producers, graph.at(-1)!]) {
        const before = codeVersion(producers, root);
        const cache = new BuildCache<string>(stage, root, before);
        cache.set('entry', 'made by the old code');
        cache.save();
        appendFileSync(path.join(root, file), '\n// changed\n');
        const after = codeVersion(producers, root);
        expect(after, file).not.toBe(before);
        expect(new BuildCache<string>(stage, root, after).has('entry'), file).toBe(false);
        expect(new BuildCache<string>(stage, root, before).has('entry'), file).toBe(true);
      }
      const before = codeVersion(producers, root);
      appendFileSync(path.join(root, 'src/lib/pager.ts'), '\n// changed\n');
      expect(codeVersion(producers, root)).toBe(before);
    });
  }

  it('the summaries (prepare-body.ts) and the converted fields (variant.ts) are producers of their caches', () => {
    expect(moduleGraph(CACHE_PRODUCERS.markdown)).toContain('src/lib/archive/prepare-body.ts');
    expect(moduleGraph(CACHE_PRODUCERS.convert)).toContain('src/lib/archive/variant.ts');
    expect(moduleGraph(CACHE_PRODUCERS.convert)).toContain('src/lib/convert/opencc.ts');
  });

  it('a new lock file (another package version) is a new version', () => {
    const root = projectCopy();
    const before = codeVersion(CACHE_PRODUCERS.markdown, root);
    appendFileSync(path.join(root, 'package-lock.json'), ' ');
    expect(codeVersion(CACHE_PRODUCERS.markdown, root)).not.toBe(before);
  });
});

describe('treeVersion', () => {
  it("changes with any file of what prints the pages, Astro's components and config among them", () => {
    const root = projectCopy();
    const before = treeVersion(PAGE_PRODUCERS, root);
    expect(treeVersion(PAGE_PRODUCERS, root)).toBe(before);
    const versions = new Set([before]);
    for (const file of ['src/components/Pager.astro', 'src/styles/global.css', 'astro.config.mjs', 'package-lock.json']) {
      appendFileSync(path.join(root, file), '\n');
      versions.add(treeVersion(PAGE_PRODUCERS, root));
    }
    expect(versions.size).toBe(5);
  });
});

describe('the Node running the build', () => {
  it('another Node version, or another ICU in the same one, is another version of the same code', () => {
    const root = projectCopy();
    const versionsNow = () => [codeVersion(CACHE_PRODUCERS.markdown, root), treeVersion(PAGE_PRODUCERS, root)];
    const now = versionsNow();
    const versions = { ...process.versions };
    const runtimes = [
      { version: `${process.version}-other`, icu: versions.icu },
      { version: process.version, icu: `${versions.icu}-other` },
    ];
    for (const runtime of runtimes) {
      let other: string[];
      try {
        vi.spyOn(process, 'version', 'get').mockReturnValue(runtime.version);
        vi.spyOn(process, 'versions', 'get').mockReturnValue({ ...versions, icu: runtime.icu });
        other = versionsNow();
      } finally {
        vi.restoreAllMocks();
      }
      expect(other[0], JSON.stringify(runtime)).not.toBe(now[0]);
      expect(other[1], JSON.stringify(runtime)).not.toBe(now[1]);
    }
    expect(versionsNow()).toEqual(now);
  });
});
