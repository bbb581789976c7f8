/**
 * `npm run build -- --out <dir>` replaces only a folder a build made, an empty one, or none;
 * anything else is refused with the reason, touching nothing. The swap goes through a folder
 * beside the output (safe on another file system), and the next build clears what killed builds
 * left, or puts the old output back.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashTree } from '../../scripts/lib/site-checks/index.ts';
import { BUILD_MARKER, BUILD_MARKER_TEXT, inspectOutput, outputRefusal } from '../../scripts/lib/output-folder/rules.ts';
import { cacheRefusal } from '../../src/integrations/cache-folder.ts';
import { cleanLeftovers, swapIn } from '../../scripts/lib/output-folder/swap.ts';
import { isRunning } from '../../src/integrations/temporary-names.ts';
import { buildSite } from '../helpers/build-site.ts';
import { goneProcess } from '../helpers/gone-process.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** A tmpfs where there is one: another file system than the working directory's. */
const OTHER_FS = existsSync('/dev/shm') ? '/dev/shm' : undefined;

let root: string;
let content: string;

beforeAll(async () => {
  root = await tempDir('output-folder');
  content = await writeContent(path.join(root, 'content'), {
    channels: [{ slug: 'jingying', name: '经营' }],
    articles: [{ slug: 'good', title: '好文章', date: '2019-05-14 09:28:18', channel: 'jingying' }],
  });
  await mkdir(path.join(root, 'docs'));
  await writeFile(path.join(root, 'docs', 'notes.md'), '写作者的笔记\n');
  await writeFile(path.join(root, 'notes.txt'), '一个文件\n');
  await mkdir(path.join(root, 'empty'));
  await symlink(path.join(root, 'docs'), path.join(root, 'link'));
  await symlink(path.join(ROOT, 'src'), path.join(root, 'link-to-src'));
  // What builds before the marker left: both variants, the feed, the sitemap, Astro's assets.
  for (const file of ['index.html', 'rss.xml', 'sitemap-index.xml', 'zh-hant/index.html', '_astro/x.css']) {
    await mkdir(path.dirname(path.join(root, 'older', file)), { recursive: true });
    await writeFile(path.join(root, 'older', file), '');
  }
  await mkdir(path.join(root, 'marked'));
  await writeFile(path.join(root, 'marked', BUILD_MARKER), BUILD_MARKER_TEXT);
  await writeFile(path.join(root, 'marked', 'index.html'), '');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('which --out a build may replace', () => {
  const refusal = (out: string) => outputRefusal(inspectOutput(out, content), out);
  const FIX = 'Name a folder of its own, e.g. --out dist.';
  const project = (out: string, is: string) =>
    `--out ${out} is ${is}: a build replaces its output folder whole and would delete the project. ${FIX}`;
  const sources = (out: string, verb: string, source: string) =>
    `--out ${out} ${verb} ${source}, which holds sources: a build replaces its output folder whole and would delete them. ${FIX}`;
  const inside = (out: string, source: string) =>
    `--out ${out} is inside ${source}, which holds sources: the site would be mixed into them and read back by the next build. ` +
    'Name a folder outside it, e.g. --out dist.';

  // Lazy: the fixture's folders exist only once beforeAll ran.
  it.each<[string, () => string, () => string | undefined]>([
    ['the working directory', () => '.', () => project('.', 'the project folder')],
    ['an empty --out', () => '', () => project('""', 'the project folder')],
    ['its parent', () => '..', () => project('..', `${path.dirname(ROOT)}, which holds the project folder ${ROOT}`)],
    ['the root', () => '/', () => project('/', `/, which holds the project folder ${ROOT}`)],
    ['src/', () => 'src', () => sources('src', 'is', `${ROOT}/src`)],
    ['public/', () => 'public', () => sources('public', 'is', `${ROOT}/public`)],
    ['a new folder in src/pages/', () => 'src/pages/site', () => inside('src/pages/site', `${ROOT}/src`)],
    ['the content folder', () => content, () => sources(content, 'is', content)],
    ['a new folder inside the content', () => `${content}/articles/site`, () => inside(`${content}/articles/site`, content)],
    ['a folder holding the content', () => root, () => sources(root, 'holds', content)],
    ['a new folder inside src/, through a link', () => `${root}/link-to-src/site`, () => inside(`${root}/link-to-src/site`, `${ROOT}/src`)],
    [
      "a writer's folder",
      () => `${root}/docs`,
      () =>
        `--out ${root}/docs holds files that no build made (it has no ${BUILD_MARKER}): a build replaces its output folder whole and ` +
        "would delete them. Name a new or empty folder, or one an earlier build wrote; if this is an old build's output, " +
        `delete it yourself (rm -r ${root}/docs) and build again.`,
    ],
    [
      'a file',
      () => `${root}/notes.txt`,
      () =>
        `--out ${root}/notes.txt is a file, not a folder: a build writes a folder there and would delete the file. ` +
        'Name a new folder, e.g. --out dist.',
    ],
    [
      'a folder under a file',
      () => `${root}/notes.txt/site`,
      () => `--out ${root}/notes.txt/site cannot be used: a part of its path is a file. Name a new folder, e.g. --out dist.`,
    ],
    [
      'a symbolic link',
      () => `${root}/link`,
      () =>
        `--out ${root}/link is a symbolic link: a build would replace the link, not the folder it points to. ` +
        'Name that folder itself, or remove the link.',
    ],
    ['a new folder', () => `${root}/new/site`, () => undefined],
    ['an empty folder', () => `${root}/empty`, () => undefined],
    ['a folder a build made', () => `${root}/marked`, () => undefined],
    ["an older build's output, from before the marker", () => `${root}/older`, () => undefined],
    ['dist/ in the project', () => 'dist', () => undefined],
  ])('%s', (_, out, expected) => expect(refusal(out())).toBe(expected()));
});

describe('which build cache a build may use', () => {
  const named = 'BUILD_CACHE_DIR="x"';
  const refusal = (cache: string, out = 'dist') => cacheRefusal(path.resolve(cache), inspectOutput(out, content), named);
  const FIX = 'Name a folder of its own, outside them (e.g. /tmp/yiqihui-cache), or unset it for .cache/build.';
  const mixed = (verb: string, folder: string) =>
    `${named} ${verb} ${folder}, which holds sources: the cache's files would be mixed into them. ${FIX}`;

  it.each<[string, () => string, () => string | undefined, (() => string)?]>([
    ['the content folder', () => content, () => mixed('is', content)],
    ['a folder in the content', () => `${content}/articles/cache`, () => mixed('is inside', content)],
    ['a folder holding the content', () => root, () => mixed('holds', content)],
    ['src/', () => 'src', () => mixed('is', `${ROOT}/src`)],
    ['src/pages/, through a link', () => `${root}/link-to-src/pages`, () => mixed('is inside', `${ROOT}/src`)],
    ['the project folder', () => '.', () => `${named} is the project folder: the cache's files would be mixed into the sources. ${FIX}`],
    [
      'a folder in the output',
      () => 'dist/cache',
      () => `${named} is inside the output folder ${ROOT}/dist, which a build replaces whole. ${FIX}`,
    ],
    [
      'the output folder',
      () => `${root}/new/site`,
      () => `${named} is the output folder ${root}/new/site, which a build replaces whole. ${FIX}`,
      () => `${root}/new/site`,
    ],
    ['the default, .cache/build', () => '.cache/build', () => undefined],
    ['node_modules/.cache/, where tools keep theirs', () => 'node_modules/.cache/yiqihui', () => undefined],
    ['a folder of its own beside the output', () => `${root}/new/cache`, () => undefined, () => `${root}/new/site`],
  ])('%s', (_, cache, expected, out) => expect(refusal(cache(), out?.())).toBe(expected()));

  it('is refused by npm run check too, which keeps what it learns in the cache', async () => {
    const before = await hashTree(root);
    const cache = path.join(content, 'cache');
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BUILD_CACHE_DIR: cache },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      `Check refused: BUILD_CACHE_DIR=${JSON.stringify(cache)} is inside ${content}, which holds sources: ` +
        `the cache's files would be mixed into them. ${FIX}\nNothing was checked or touched.`,
    );
    expect(await hashTree(root)).toBe(before);
  });

  it('may be a link to a folder of its own', async () => {
    const folder = await tempDir('linked-cache');
    const link = path.join(folder, 'link');
    await mkdir(path.join(folder, 'cache'));
    await symlink(path.join(folder, 'cache'), link);
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BUILD_CACHE_DIR: link },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    await rm(folder, { recursive: true });
  });

  it('is refused by the dev server too, before it starts', async () => {
    const before = await hashTree(root);
    const cache = path.join(content, 'cache');
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'dev', '--port', '4398'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: content, BUILD_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' },
      // Were it not refused, the dev server would run until stopped.
      timeout: 120_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      `BUILD_CACHE_DIR=${JSON.stringify(cache)} is inside ${content}, which holds sources: ` +
        `the cache's files would be mixed into them. ${FIX}\nNothing was started or touched.`,
    );
    expect(await hashTree(root)).toBe(before);
  });

  it('is refused before anything is built, and a folder of the content is left as it was', async () => {
    const before = await hashTree(root);
    const result = buildSite(content, path.join(root, 'new-out'), { BUILD_CACHE_DIR: path.join(content, 'cache') });
    expect(result.status).toBe(2);
    expect(result.output.trim()).toBe(
      `Build refused: BUILD_CACHE_DIR=${JSON.stringify(path.join(content, 'cache'))} is inside ${content}, which holds sources: ` +
        `the cache's files would be mixed into them. ${FIX}\nNothing was built or touched.`,
    );
    expect(await hashTree(root)).toBe(before);
    expect(existsSync(path.join(root, 'new-out'))).toBe(false);
  });
});

describe('a refused build', () => {
  it('exits 2 with the reason and touches nothing: no build, no staging folder, no cache', async () => {
    const before = await hashTree(root);
    const entries = (await readdir(root)).sort();
    const result = buildSite(content, path.join(root, 'docs'));
    expect(result.status).toBe(2);
    expect(result.output.trim()).toBe(
      `Build refused: --out ${root}/docs holds files that no build made (it has no ${BUILD_MARKER}): a build replaces its output folder ` +
        `whole and would delete them. Name a new or empty folder, or one an earlier build wrote; if this is an old build's output, ` +
        `delete it yourself (rm -r ${root}/docs) and build again.\nNothing was built or touched.`,
    );
    expect(await hashTree(root)).toBe(before);
    expect((await readdir(root)).sort()).toEqual(entries);
  });

  it('refuses a build cache that is a file, naming the variable, and leaves the file as it was', async () => {
    const cache = path.join(root, 'cache-file');
    await writeFile(cache, 'not a folder');
    const result = buildSite(content, path.join(root, 'new-out'), { BUILD_CACHE_DIR: cache });
    expect(result.status).toBe(2);
    expect(result.output.trim()).toBe(
      `Build refused: BUILD_CACHE_DIR=${JSON.stringify(cache)} is a file, not a folder: name a folder (it is made if missing), ` +
        `or unset it for .cache/build.\nNothing was built or touched.`,
    );
    expect(readFileSync(cache, 'utf8')).toBe('not a folder');
    expect(existsSync(path.join(root, 'new-out'))).toBe(false);
    await rm(cache);
  });
});

describe('a build on another file system than the working directory', () => {
  let base: string;
  let out: string;
  beforeAll(async () => {
    base = OTHER_FS ? await tempDir('output-folder', OTHER_FS) : await tempDir('output-folder-other');
    out = path.join(base, 'site');
    await mkdir(out); // empty: a build may take it
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('writes the site with its marker and leaves nothing beside it', async () => {
    const result = buildSite(content, out, { BUILD_CACHE_DIR: path.join(root, 'cache') });
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(path.join(out, BUILD_MARKER), 'utf8')).toBe(BUILD_MARKER_TEXT);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    // The empty folder it replaced is deleted by a process of its own, which may outlive the build.
    await deleted(base);
    expect(readdirSync(base)).toEqual(['site']);
    expect(stagingIn(ROOT)).toEqual([]);
  });

  it('is rebuilt over its own output, and the rebuild clears what killed builds left, not what running ones use', async () => {
    const dead = goneProcess();
    const left = [`${out}.tmp-${dead}`, `${out}.old-${dead}`, path.join(ROOT, '.cache', `staging-${dead}`)];
    for (const dir of left) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'index.html'), 'half-written');
    }
    // An old output is one a build may replace, so it holds the marker (cleanLeftovers checks).
    await writeFile(path.join(`${out}.old-${dead}`, BUILD_MARKER), BUILD_MARKER_TEXT);
    const running = `${out}.tmp-${process.pid}`;
    await mkdir(running);
    try {
      const result = buildSite(content, out, { BUILD_CACHE_DIR: path.join(root, 'cache') });
      expect(result.status, result.output).toBe(0);
      const removed = result.output
        .split('\n')
        .filter((line) => line.startsWith('Removed '))
        .sort();
      expect(removed).toEqual(left.map((dir) => `Removed ${dir}, left by a build that was stopped.`).sort());
      // The old output is deleted by a process of its own, which may still be at it.
      await deleted(base);
      expect(readdirSync(base).sort()).toEqual(['site', `site.tmp-${process.pid}`]);
      expect(stagingIn(ROOT)).toEqual([]);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('好文章');
    } finally {
      await rm(running, { recursive: true, force: true });
    }
  });
});

describe('swapIn', () => {
  // A copy that fails half-way stands for a build killed there: the output must be whole either way.
  it.skipIf(OTHER_FS === undefined)('leaves the output whole when the copy to another file system stops half-way', async () => {
    const base = await tempDir('swap', OTHER_FS!);
    const built = await tempDir('swap-built');
    try {
      const out = path.join(base, 'dist');
      await mkdir(out);
      await writeFile(path.join(out, 'index.html'), 'the last good site');
      await writeFile(path.join(built, 'index.html'), 'the new site');
      // fs.cp refuses a named pipe: the copy stops there.
      expect(spawnSync('mkfifo', [path.join(built, 'pipe')]).status).toBe(0);
      await expect(swapIn(built, out, 4242)).rejects.toThrow(/named pipe|FIFO/i);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good site');
      expect((await readdir(base)).sort()).toEqual(['dist', 'dist.tmp-4242']); // the next build removes the half-copy
    } finally {
      await rm(base, { recursive: true, force: true });
      await rm(built, { recursive: true, force: true });
    }
  });
});

describe('swapIn over an output', () => {
  it('puts the new site in place at once and deletes the old one in a process of its own, which the next build leaves alone', async () => {
    const base = await tempDir('swap');
    const out = path.join(base, 'dist');
    const built = path.join(base, 'dist.tmp-4242');
    for (const [dir, text] of [
      [out, 'the old site'],
      [built, 'the new site'],
    ] as const) {
      await mkdir(path.join(dir, 'articles', 'a'), { recursive: true });
      await writeFile(path.join(dir, 'index.html'), text);
      await writeFile(path.join(dir, 'articles', 'a', 'index.html'), text);
    }
    await swapIn(built, out, 4242);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the new site');
    // Taken by the deleting process before swapIn returned: never an old output a build would put back.
    const beside = (await readdir(base)).filter((name) => name !== 'dist');
    expect(
      beside.every((name) => /^dist\.deleting-\d+$/.test(name)),
      beside.join(),
    ).toBe(true);
    for (const name of beside) {
      const pid = Number(name.slice('dist.deleting-'.length));
      expect(pid).not.toBe(process.pid);
      // What the next build does meanwhile: the running deletion's folder is not its to remove.
      if (isRunning(pid)) expect(await cleanLeftovers(out, base)).toEqual({ removed: [] });
    }
    await deleted(base);
    expect(await readdir(base)).toEqual(['dist']);
    await rm(base, { recursive: true });
  });
});

describe('two builds swapping the same output at once', () => {
  it('both succeed, and the site of the one that finishes last is the output', async () => {
    const base = await tempDir('swap-race');
    const out = path.join(base, 'dist');
    // Each with the marker, as a build writes it before its swap.
    const site = async (dir: string, text: string) => {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'index.html'), text);
      await writeFile(path.join(dir, BUILD_MARKER), BUILD_MARKER_TEXT);
    };
    await site(out, 'the old site');
    await site(`${out}.tmp-4242`, 'the first build');
    await site(`${out}.tmp-4343`, 'the second build');
    // The first build takes the old site away, then waits before putting its own in place; the
    // second swaps meanwhile, finding no output, and finishes first.
    let secondDone!: () => void;
    const afterSecond = new Promise<void>((resolve) => (secondDone = resolve));
    const first = swapIn(`${out}.tmp-4242`, out, 4242, async (from, to) => {
      if (from === `${out}.tmp-4242`) await afterSecond;
      await rename(from, to);
    });
    await vi.waitFor(() => expect(existsSync(`${out}.old-4242`)).toBe(true));
    await swapIn(`${out}.tmp-4343`, out, 4343);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the second build');
    secondDone();
    await first;
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the first build');
    await deleted(base);
    expect(await readdir(base)).toEqual(['dist']);
    await rm(base, { recursive: true });
  });
});

describe('the deleting process', () => {
  it('deletes the old output even when the build has ended before hearing it took it', async () => {
    const base = await tempDir('deleter');
    const out = path.join(base, 'dist');
    const old = `${out}.old-4242`;
    await mkdir(path.join(old, 'articles', 'a'), { recursive: true });
    await writeFile(path.join(old, 'articles', 'a', 'index.html'), 'the old site');
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/lib/output-folder/deleter.ts'), old, out], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.disconnect(); // as a build that was stopped right after starting it
    expect(await exited, stderr).toBe(0);
    expect(await readdir(base)).toEqual([]);
  });
});

describe('cleanLeftovers', () => {
  it('removes what a stopped deletion left and never puts it back, even where the output is missing', async () => {
    const base = await tempDir('leftovers');
    const out = path.join(base, 'dist');
    await mkdir(`${out}.deleting-101`);
    await writeFile(path.join(`${out}.deleting-101`, 'index.html'), 'half of an old site');
    await mkdir(`${out}.deleting-202`); // still being deleted
    expect(await cleanLeftovers(out, base, (pid) => pid === 202)).toEqual({ removed: [`${out}.deleting-101`] });
    expect((await readdir(base)).sort()).toEqual(['dist.deleting-202']);
    await rm(base, { recursive: true });
  });

  it('puts the old output back when a build died between taking it away and putting the new one in', async () => {
    const base = await tempDir('leftovers');
    const out = path.join(base, 'dist');
    await mkdir(`${out}.old-101`);
    await writeFile(path.join(`${out}.old-101`, 'index.html'), 'the last good site');
    await writeFile(path.join(`${out}.old-101`, BUILD_MARKER), BUILD_MARKER_TEXT);
    await mkdir(`${out}.tmp-101`); // the new site, maybe complete, maybe not: not trusted
    await mkdir(`${out}.tmp-202`); // a build still running
    await mkdir(path.join(base, 'other.tmp-101')); // another output's: not ours to judge
    const cleanup = await cleanLeftovers(out, base, (pid) => pid === 202);
    expect(cleanup).toEqual({ restored: `${out}.old-101`, removed: [`${out}.tmp-101`] });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good site');
    expect((await readdir(base)).sort()).toEqual(['dist', 'dist.tmp-202', 'other.tmp-101']);
    await rm(base, { recursive: true });
  });

  it('removes an old output when the new one is in place', async () => {
    const base = await tempDir('leftovers');
    const out = path.join(base, 'dist');
    await mkdir(out);
    await mkdir(`${out}.old-101`);
    await writeFile(path.join(base, 'dist.old-102'), 'a file, not a build folder');
    expect(await cleanLeftovers(out, base, () => false)).toEqual({ removed: [`${out}.old-101`] });
    expect((await readdir(base)).sort()).toEqual(['dist', 'dist.old-102']);
    await rm(base, { recursive: true });
  });

  it("leaves a writer's folder named like an old output alone: only a build's output has the marker", async () => {
    const base = await tempDir('leftovers');
    const out = path.join(base, 'dist');
    await mkdir(`${out}.old-2019`);
    await writeFile(path.join(`${out}.old-2019`, 'notes.md'), '去年的备份');
    expect(await cleanLeftovers(out, base, () => false)).toEqual({ removed: [] });
    expect(await cleanLeftovers(`${out}-new`, base, () => false)).toEqual({ removed: [] });
    await mkdir(out);
    expect(await cleanLeftovers(out, base, () => false)).toEqual({ removed: [] });
    expect(readFileSync(path.join(`${out}.old-2019`, 'notes.md'), 'utf8')).toBe('去年的备份');
    await rm(base, { recursive: true });
  });
});

/** Waits until the processes deleting old outputs in `base` are done (./deleter.ts takes milliseconds with these sites). */
async function deleted(base: string): Promise<void> {
  await vi.waitFor(() => expect(readdirSync(base).filter((name) => /\.deleting-\d+$/.test(name))).toEqual([]), {
    timeout: 20_000,
    interval: 20,
  });
}

/** Staging folders in the working directory's .cache of builds that have ended (other test files' builds may be running). */
function stagingIn(project: string): string[] {
  const cache = path.join(project, '.cache');
  const names = existsSync(cache) ? readdirSync(cache) : [];
  return names.filter((name) => /^staging-\d+$/.test(name) && !isRunning(Number(name.slice('staging-'.length))));
}
