/**
 * What a person watching a build sees in CI: a few plain lines naming the phases and the counts,
 * not a line per page; warnings in full, and the result as before.
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { writeContent, type FixtureArticle } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** 60 articles in two channels: 120 article pages, and listings, feeds and home pages. */
const articles: FixtureArticle[] = Array.from({ length: 60 }, (_, i) => ({
  slug: `p-${pad(i)}`,
  title: `进度${i}`,
  date: `2019-0${1 + (i % 9)}-${pad(1 + (i % 28))} 10:00:00`,
  channel: i % 2 ? 'jingying' : 'shequn',
  body: `第${i}篇的正文。`,
}));

let output: string;
let lines: string[];
let hidden: string;

beforeAll(async () => {
  const root = await tempDir('progress');
  const content = await writeContent(path.join(root, 'content'), {
    channels: [
      { slug: 'jingying', name: '经营' },
      { slug: 'shequn', name: '社群' },
    ],
    articles,
  });
  hidden = path.join(content, 'articles/2019/01/.later.md');
  await writeFile(hidden, '---\ntitle: 以后\n---\n');
  const result = buildSite(content, path.join(root, 'dist'), { CI: 'true', SEARCH_SHARD_SIZE: '20' });
  expect(result.status, result.output).toBe(0);
  output = result.output;
  lines = output.split('\n').filter((line) => line.trim() !== '');
}, 180_000);

describe('a build in CI', () => {
  it('prints a few lines, not one per page', () => {
    const pages = Number(/(\d+) pages written \(0 restored from the cache\)/.exec(output)?.[1]);
    expect(pages).toBeGreaterThan(120);
    expect(lines.length, output).toBeLessThan(30);
    expect(output).not.toContain('├─');
    expect(output).not.toContain('/articles/p-00/');
  });

  it('names each phase, with the pages and search shards done of how many', () => {
    for (const phase of [
      'validating content',
      'preparing data (markdown, conversion) and bundling',
      'search shards 0/',
      'rendering pages · pages 0/',
      'writing search bundles',
      'swapping the new site in',
    ]) {
      expect(output).toContain(phase);
    }
    const shards = Number(/60 articles indexed \(bigram\) in (\d+) shards \(0 reused\)/.exec(output)?.[1]);
    expect(shards).toBeGreaterThanOrEqual(3);
    expect(output).toMatch(new RegExp(`pages (\\d+)/\\1, search shards ${shards}/${shards}`));
  });

  it('still shows warnings in full, what the search index reused, and where the site went', () => {
    expect(output).toContain(
      `warning: ${hidden}: is not published: a name starting with "." is hidden; to publish it, rename it to "later.md"`,
    );
    expect(output).toMatch(/60 articles indexed \(bigram\) in \d+ shards \(0 reused\)/);
    expect(output).toMatch(/Site written to .*dist/);
  });
});
