/**
 * A build with bad content stops before building, lists every problem, exits non-zero, and
 * leaves the previous good site and the content untouched.
 */
import { spawnSync } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashTree } from '../../scripts/lib/site-checks/index.ts';
import { buildSite } from '../helpers/build-site.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let root: string;
let content: string;
let dist: string;

beforeAll(async () => {
  root = await tempDir('failed-build');
  content = await writeContent(path.join(root, 'content'), {
    channels: [{ slug: 'jingying', name: '经营' }],
    articles: [{ slug: 'good', title: '好文章', date: '2019-05-14 09:28:18', channel: 'jingying' }],
  });
  dist = path.join(root, 'dist');
  const first = buildSite(content, dist);
  expect(first.status, first.output).toBe(0);
});

describe('a build with bad content', () => {
  it('reports every bad file at once, exits non-zero and keeps the previous site byte for byte', async () => {
    const before = await hashTree(dist);
    const contentBefore = await hashTree(content);
    const folder = path.join(content, 'articles/2019/05');
    await writeFile(path.join(folder, 'bad-views.md'), '---\ntitle: 甲\ndate: 2019-05-14\nchannel: jingying\nviews: 529 次\n---\n正文\n');
    await writeFile(path.join(folder, 'bad-date.md'), '---\ntitle: 乙\ndate: 2019-02-30\nchannel: jingying\n---\n正文\n');

    const result = buildSite(content, dist);
    expect(result.status).toBe(1);
    expect(result.output).toContain('bad-views.md:5 views: expected a whole number >= 0, got "529 次"');
    expect(result.output).toContain('bad-date.md:3 date: "2019-02-30" is not a real date or time');
    expect(result.output).toContain('Build stopped: fix the 2 error(s) above');
    // Not framed as a crash: no "unhandled error" in a hook, no stack.
    expect(result.output).not.toContain('unhandled error');
    expect(result.output).not.toMatch(/^\s+at /m);

    expect(await hashTree(dist)).toBe(before);
    const contentNow = await hashTree(content);
    expect(contentNow).not.toBe(contentBefore); // the two bad files were added by this test…
    expect((await readdir(folder)).sort()).toEqual(['bad-date.md', 'bad-views.md', 'good.md']); // …and nothing else
    expect((await readdir(root)).sort()).toEqual(['cache', 'content', 'dist']); // no half-written staging dir left
  });

  it('prints a long list whole, to its last problem and the reason it stopped', async () => {
    const many = await tempDir('failed-build-many');
    try {
      const dir = await writeContent(path.join(many, 'content'), {
        channels: [{ slug: 'jingying', name: '经营' }],
        articles: [{ slug: 'good', title: '好', date: '2019-05-14', channel: 'jingying' }],
      });
      // 600 problems, 90 KB: more than a pipe holds at once.
      const folder = path.join(dir, 'articles/2019/05');
      for (let i = 0; i < 600; i++) {
        await writeFile(
          path.join(folder, `bad-${String(i).padStart(3, '0')}-${'x'.repeat(60)}.md`),
          '---\ntitle: 甲\ndate: 2019-05-14\nchannel: jingying\nviews: 529 次\n---\n正文\n',
        );
      }
      const result = buildSite(dir, path.join(many, 'dist'));
      expect(result.status).toBe(1);
      expect(result.output).toContain(`bad-599-${'x'.repeat(60)}.md:5 views: expected a whole number >= 0, got "529 次"`);
      expect(result.output).toContain('Build stopped: fix the 600 error(s) above');
    } finally {
      await rm(many, { recursive: true, force: true });
    }
  });

  it('is what npm run check reports too, without building', () => {
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad-views.md:5 views: expected a whole number >= 0, got "529 次"');
    expect(result.stdout).toMatch(/^3 articles and 1 channel checked in [\d.]+ s: 2 errors, 0 warnings$/m);
  });

  it('is an annotation on the file and line from npm run check in a GitHub Actions run, and from it alone', () => {
    const env = { GITHUB_ACTIONS: 'true' };
    const check = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(
      /^::error title=Content error,file=[^,:]*bad-views\.md,line=5::views: expected a whole number >= 0, got "529 次"$/m,
    );
    expect(check.stdout.match(/^::error /gm)).toHaveLength(2);
    // The workflow checks once; a build (one job, or each segment's) only prints the problems.
    const build = buildSite(content, dist, env);
    expect(build.status).toBe(1);
    expect(build.output).toContain('bad-views.md:5 views: expected a whole number >= 0, got "529 次"');
    expect(build.output).not.toContain('::error');
  });
});
