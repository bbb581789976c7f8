/**
 * A build in segments: a fixture built once as a whole and once as 3 segments joined by
 * `npm run assemble` must give the same site, byte for byte; and assemble refuses, touching
 * nothing, whatever is not every segment of one build once, or an output it may not replace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { writeContent, type FixtureArticle } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { diffTrees } from '../../scripts/lib/site-checks/determinism.ts';
import { hashTree } from '../../scripts/lib/site-checks/index.ts';
import { listFiles } from '../../scripts/lib/site-checks/tree.ts';
import { pageHash } from '../../scripts/lib/site-checks/validate.ts';
import { decodeJsonFile } from '../../src/lib/search/pagefind-files.ts';
import { inspectOutput, outputRefusal } from '../../scripts/lib/output-folder/rules.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pad = (n: number) => String(n).padStart(2, '0');
/** Two listing pages in 经营, one in 社群, none in 空频道; an article in zh-Hant; links between articles. */
const articles: FixtureArticle[] = Array.from({ length: 30 }, (_, i) => ({
  slug: `a-${pad(i)}`,
  title: `第${i}篇文章的信息`,
  date: `2019-05-${pad(i + 1)} 10:00:00`,
  channel: i % 4 === 0 ? ['shequn', 'jingying'] : 'jingying',
  ...(i === 7 && { lang: 'zh-Hant' as const, title: '繁體寫的資訊' }),
  body: `第${i}篇的正文，讲网店经营。${i > 0 ? `见[上一篇](/articles/a-${pad(i - 1)}/)。` : ''}`,
}));
/** Small shards, so that every segment indexes several. */
// Several shards, in two volumes: the assembled search index is made as a build makes it, volume by volume.
const ENV = { SEARCH_SHARD_SIZE: '8', SEARCH_VOLUME_SIZE: '15' };

let root: string;
let content: string;
let whole: string;
let segments: string[];
/** What assemble says as it goes, a line a step, when every step is taken. */
let steps: string[];

const assemble = (args: string[]) => {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/assemble.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, ...ENV },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
/** How many conversions in a build cache hold a body (the cache's files: src/integrations/site-data/build-cache.ts). */
async function cachedBodies(cacheDir: string): Promise<number> {
  const file = (await readdir(cacheDir)).find((f) => f.startsWith('convert-'))!;
  const entries = (await readFile(path.join(cacheDir, file), 'utf8')).split('\n').slice(1, -1);
  return entries.filter((line) => (JSON.parse(line) as [string, { body?: unknown }])[1].body !== undefined).length;
}
const manifestOf = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, '.segment/segment.json'), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  root = await tempDir('segments-build');
  content = await writeContent(path.join(root, 'content'), {
    channels: [
      { slug: 'jingying', name: '经营' },
      { slug: 'shequn', name: '社群' },
      { slug: 'kong', name: '空频道' },
    ],
    articles,
  });
  // Each build with a cache of its own (beside its output): nothing is shared but the content.
  whole = path.join(root, 'whole', 'dist');
  const built = buildSite(content, whole, ENV);
  expect(built.status, built.output).toBe(0);
  segments = [1, 2, 3].map((i) => path.join(root, `segment-${i}`, 'dist'));
  for (const [i, dir] of segments.entries()) {
    const result = buildSite(content, dir, ENV, ['--segment', `${i + 1}/3`]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`Segment ${i + 1}/3 written to ${dir}: not a site until npm run assemble joins it`);
  }
  steps = [
    'Joining the files of 3 segments…\n',
    `Merging the search index from ${String((await manifestOf(segments[0]!)).shards)} shards…\n`,
    'Checking the site (links, twins, orphans, XML, search bundles; html-validate on the pages no segment validated)…\n',
  ];
});

describe('npm run build -- --segment I/N', () => {
  it('renders a share of the article and listing pages in each segment, each page in one segment', () => {
    const pages = (dir: string) =>
      listFiles(dir).filter((f) => /^(zh-hant\/)?(articles\/[^/]+|jingying(\/\d+)?|shequn|kong)\/index\.html$/.test(f));
    const shares = segments.map(pages);
    expect(shares.flat().sort()).toEqual(pages(whole));
    // 8 listings (2 + 1 + 1 per variant), every third to each segment.
    expect(shares.map((s) => s.filter((f) => !f.includes('articles/')).length)).toEqual([3, 3, 2]);
    for (const share of shares) expect(share.some((f) => f.startsWith('articles/'))).toBe(true);
  });

  it("renders the pages of the articles it indexes, in both variants, and prepares only those articles' bodies", async () => {
    for (const dir of segments) {
      const articlePages = (prefix: string) =>
        listFiles(dir)
          .filter((f) => f.startsWith(`${prefix}articles/`) && f.endsWith('/index.html'))
          .map((f) => `/${f.slice(prefix.length, -'index.html'.length)}`)
          .sort();
      const fragments = listFiles(path.join(dir, 'pagefind')).filter((f) => f.endsWith('.pf_fragment'));
      const indexed = await Promise.all(
        fragments.map(async (f) => decodeJsonFile(await readFile(path.join(dir, 'pagefind', f)), f).url as string),
      );
      expect(articlePages('')).toEqual(indexed.sort());
      expect(articlePages('zh-hant/')).toEqual(articlePages(''));
    }
    // A segment's cache holds the conversions of its own articles' bodies only: 60 variants of 30
    // articles, each once with its body, in one segment, and without it in the two others.
    const withBody = await Promise.all(segments.map((dir) => cachedBodies(path.join(dir, '..', 'cache'))));
    expect(withBody.reduce((sum, n) => sum + n, 0)).toBe(60);
  });

  it('indexes a share of the search shards in each segment and says which segment of which build it is', async () => {
    const manifests = await Promise.all(segments.map(manifestOf));
    const shards = manifests[0]!.shards as number;
    expect(shards).toBeGreaterThan(3);
    expect(manifests.map((m) => [m.segment, m.index, m.count, m.shards, m.build])).toEqual(
      [1, 2, 3].map((i) => [`${i}/3`, i, 3, shards, manifests[0]!.build]),
    );
    const held = await Promise.all(segments.map(async (dir) => (await readdir(path.join(dir, '.segment/shards'))).map(Number)));
    held.forEach((numbers, i) => expect(numbers.every((n) => n % 3 === i)).toBe(true));
    expect(held.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: shards }, (_, i) => i));
    // Pagefind's code once, not in every shard; no fragments (the bundles hold the variants' own).
    expect(
      listFiles(path.join(segments[0]!, '.segment/shards/0')).every((f) =>
        /^(pagefind-entry\.json|[^/]+\.pf_meta|index\/|filter\/)/.test(f),
      ),
    ).toBe(true);
    expect(existsSync(path.join(segments[0]!, '.segment/pagefind/pagefind.js'))).toBe(true);
  });

  it('validates the pages it wrote, recording what html-validate said by the hash of each page', async () => {
    for (const dir of segments) {
      const record = JSON.parse(await readFile(path.join(dir, '.segment/validated.json'), 'utf8')) as { pages: [string, unknown[]][] };
      const said = new Map(record.pages);
      const texts = await Promise.all(
        listFiles(dir)
          .filter((f) => f.endsWith('.html'))
          .map((f) => readFile(path.join(dir, f), 'utf8')),
      );
      expect(texts.length).toBeGreaterThan(20);
      for (const text of texts) expect(said.get(pageHash(text))).toEqual([]);
    }
  });

  it('leaves a folder the next build may replace (it holds the build marker)', () => {
    for (const dir of segments) expect(outputRefusal(inspectOutput(dir, content), dir)).toBeUndefined();
  });

  it('refuses a bad --segment, naming the flag, the value and what it takes', () => {
    const result = buildSite(content, path.join(root, 'never'), ENV, ['--segment', '4/3']);
    expect(result.status).toBe(2);
    expect(result.output.trim()).toBe(
      '--segment takes I/N with 1 ≤ I ≤ N, e.g. 2/3; got "4/3"\n' +
        'usage: npm run build [-- --out <dir>] [--segment I/N]   (content from CONTENT_DIR, default content/)',
    );
    expect(existsSync(path.join(root, 'never'))).toBe(false);
  });

  it('is not a site: the site checks refuse it', () => {
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check-site.ts', segments[0]!], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `${segments[0]} is one segment of a build, not a site: join the segments first (npm run assemble -- --out <dir> <segment dirs…>)`,
    );
  });
});

describe('npm run assemble', () => {
  it('joins the segments into the site one build makes, byte for byte, checked', async () => {
    const out = path.join(root, 'assembled', 'dist');
    // Given in any order.
    const result = assemble(['--out', out, segments[2]!, segments[0]!, segments[1]!]);
    expect(result).toEqual({ status: 0, stdout: `Site assembled from 3 segments into ${out}\n`, stderr: steps.join('') });
    expect(listFiles(out)).toEqual(listFiles(whole));
    expect(await diffTrees(whole, out)).toEqual([]);
    expect(listFiles(out).filter((f) => f.startsWith('.segment'))).toEqual([]);
    // Two volumes of the search index, each with its words and its fragments.
    for (const volume of ['pagefind/', 'pagefind/v0/', 'zh-hant/pagefind/v0/']) {
      expect(listFiles(out).filter((f) => new RegExp(`^${volume}(index|fragment)/`).test(f)).length, volume).toBeGreaterThan(2);
    }
    expect(listFiles(out).some((f) => f.startsWith('pagefind/v1/'))).toBe(false);
  });

  describe('refuses, touching nothing,', () => {
    const refused = (args: string[], out: string, problems: string[]) => {
      const result = assemble(['--out', out, ...args]);
      expect(result).toEqual({
        status: 2,
        stdout: '',
        stderr: `Assemble refused:\n${problems.map((p) => `- ${p}`).join('\n')}\nNothing was assembled or touched.\n`,
      });
    };
    /** A folder with a copy of segment 1's manifest, changed. */
    const fakeSegment = async (name: string, change: Record<string, unknown>) => {
      const dir = path.join(root, name);
      await mkdir(path.join(dir, '.segment'), { recursive: true });
      await writeFile(path.join(dir, '.segment/segment.json'), JSON.stringify({ ...(await manifestOf(segments[0]!)), ...change }));
      return dir;
    };

    it('a missing or duplicated segment', () => {
      const out = path.join(root, 'out-missing');
      refused([segments[0]!, segments[1]!], out, ['segment 3/3 is missing: give all 3 segments of the build']);
      refused([segments[0]!, segments[0]!, segments[2]!], out, [
        `${segments[0]} and ${segments[0]} are each segment 1/3: give each segment once`,
        'segment 2/3 is missing: give all 3 segments of the build',
      ]);
      expect(existsSync(out)).toBe(false);
    });

    it('a segment missing a search shard, or with one damaged, without a stack trace', async () => {
      const [lacking, junk] = [path.join(root, 'segment-1-lacking'), path.join(root, 'segment-1-junk')];
      await cp(segments[0]!, lacking, { recursive: true });
      await cp(segments[0]!, junk, { recursive: true });
      await rm(path.join(lacking, '.segment/shards/0'), { recursive: true });
      const words = path.join(junk, '.segment/shards/0/index');
      for (const name of await readdir(words)) await writeFile(path.join(words, name), 'junk');
      const out = path.join(root, 'out-damaged');
      const refusal = assemble(['--out', out, lacking, segments[1]!, segments[2]!]);
      expect(refusal.status).toBe(2);
      expect(refusal.stderr).toContain(`- ${lacking} does not hold the search shards its .segment/segment.json names (`);
      const result = assemble(['--out', out, junk, segments[1]!, segments[2]!]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /A segment's search shards could not be merged \(.+\): build the segments again\.\nNothing was assembled;/,
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(out)).toBe(false);
    });

    it("a segment whose manifest is a link to another folder's", async () => {
      const linked = path.join(root, 'segment-2-linked');
      await cp(segments[1]!, linked, { recursive: true });
      await rm(path.join(linked, '.segment'), { recursive: true });
      await symlink(path.join(segments[1]!, '.segment'), path.join(linked, '.segment'));
      const out = path.join(root, 'out-linked');
      refused([segments[0]!, linked, segments[2]!], out, [
        `${linked}/.segment/segment.json is reached through a link: build that segment again`,
        'segment 2/3 is missing: give all 3 segments of the build',
      ]);
      expect(existsSync(out)).toBe(false);
    });

    it('a folder that is not a segment, and segments of another N or another build', async () => {
      const otherN = await fakeSegment('other-n', { segment: '2/4', index: 2, count: 4 });
      const otherBuild = await fakeSegment('other-build', { segment: '2/3', index: 2, build: 'another' });
      const out = path.join(root, 'out-mixed');
      refused([segments[0]!, whole, otherN, otherBuild, segments[2]!], out, [
        `${whole} is not a segment of a build (it has no .segment/segment.json): name the folders npm run build -- --segment I/N --out <folder> wrote`,
        `${segments[0]} is segment 1/3 and ${otherN} is 2/4: give the segments of one build, which all have the same N`,
        `${segments[0]} and ${otherBuild} are segments of different builds (their content, code or settings differ): ` +
          'build every segment from the same commit, content and settings',
      ]);
      expect(existsSync(out)).toBe(false);
    });

    it('an output folder a build may not replace, or one of the segments', async () => {
      const notes = path.join(root, 'notes');
      await mkdir(notes, { recursive: true });
      await writeFile(path.join(notes, 'todo.txt'), 'mine');
      refused(segments, notes, [
        `--out ${notes} holds files that no build made (it has no .yiqihui-archive-build): a build replaces its output folder whole ` +
          "and would delete them. Name a new or empty folder, or one an earlier build wrote; if this is an old build's output, " +
          `delete it yourself (rm -r ${notes}) and build again.`,
      ]);
      expect(await readdir(notes)).toEqual(['todo.txt']);
      const clash = (out: string, how: string, segment: string) =>
        `--out ${out} ${how} the segment ${segment}, which the assemble reads and its swap would delete or write into: name another folder, e.g. --out dist.`;
      refused(segments, segments[1]!, [clash(segments[1]!, 'is', segments[1]!)]);
      // The same folder under another name, a folder holding a segment, a folder inside one: the segment is left as it was.
      const link = path.join(root, 'segment-2-link');
      await symlink(segments[1]!, link);
      const before = await hashTree(segments[1]!);
      refused([segments[0]!, link, segments[2]!], segments[1]!, [clash(segments[1]!, 'is', link)]);
      refused(segments, root, [clash(root, 'holds', segments[0]!)]);
      refused(segments, path.join(segments[2]!, 'site'), [clash(path.join(segments[2]!, 'site'), 'is inside', segments[2]!)]);
      expect(await hashTree(segments[1]!)).toBe(before);
      expect(existsSync(path.join(segments[2]!, 'site'))).toBe(false);
    });
  });

  it("takes each segment's validation of its pages, and validates itself a page no segment recorded", async () => {
    // Segment 2 says html-validate found a problem on one of its pages; segment 3's record is damaged.
    const [said, damaged] = [path.join(root, 'segment-2-said'), path.join(root, 'segment-3-damaged')];
    await cp(segments[1]!, said, { recursive: true });
    await cp(segments[2]!, damaged, { recursive: true });
    const file = path.join(said, '.segment/validated.json');
    const record = JSON.parse(await readFile(file, 'utf8')) as { validator: string; pages: [string, unknown[]][] };
    const page = listFiles(said).find((f) => /^articles\/[^/]+\/index\.html$/.test(f))!;
    const hash = pageHash(await readFile(path.join(said, page), 'utf8'));
    const message = { line: 3, column: 4, rule: 'recorded-rule', message: 'recorded by the segment' };
    record.pages = record.pages.map(([h, messages]) => [h, h === hash ? [message] : messages]);
    await writeFile(file, JSON.stringify(record));
    await writeFile(path.join(damaged, '.segment/validated.json'), '{"validator":');
    const out = path.join(root, 'out-recorded');
    const result = assemble(['--out', out, segments[0]!, said, damaged]);
    expect(result).toEqual({
      status: 1,
      stdout: `/${page.replace(/index\.html$/, '')}: line 3, column 4: recorded by the segment (html-validate rule recorded-rule)\n`,
      stderr: `${steps.join('')}1 problem in the assembled site.\nNothing was assembled; ${out} was not touched.\n`,
    });
    expect(existsSync(out)).toBe(false);
  });

  it('stops when files two segments each wrote differ, naming the file and the difference', async () => {
    const changed = path.join(root, 'segment-2-changed');
    await cp(segments[1]!, changed, { recursive: true });
    await writeFile(path.join(changed, 'robots.txt'), 'changed\n');
    const out = path.join(root, 'out-differs');
    const result = assemble(['--out', out, segments[0]!, changed, segments[2]!]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        steps[0] +
        'The segments do not make one site: files they each wrote differ.\n' +
        `- robots.txt: segment 1/3 (${segments[0]}) and segment 2/3 (${changed}) wrote different files ` +
        '(line 1, column 1: "User-agent: *" ≠ "changed")\n' +
        `Nothing was assembled; ${out} was not touched.\n`,
    });
    expect(existsSync(out)).toBe(false);
  });
});
