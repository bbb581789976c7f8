/** The corpus generator: valid content in the real layout, real text, the promised mix, stable per seed. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../../src/integrations/site-data/load-content.ts';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';
import { createCorpus } from '../../../scripts/lib/corpus/index.ts';
import { readTextSample, type TextSample } from '../../../scripts/lib/corpus/real-text.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const ARTICLES = 300;

async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.md') || f.endsWith('.yaml')).sort();
  return new Map(await Promise.all(names.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

describe('npm run corpus', () => {
  let dir: string;
  let content: Content;
  let real: TextSample;
  beforeAll(async () => {
    dir = path.join(await tempDir('corpus'), 'content');
    await createCorpus({ articles: ARTICLES, seed: 7, out: dir });
    const loaded = await loadContent(dir);
    expect(loaded.problems).toEqual([]);
    content = loaded.content;
    real = await readTextSample('content');
  });

  it('writes the requested number of valid articles in the real layout', () => {
    expect(content.articles).toHaveLength(ARTICLES);
    for (const a of content.articles) {
      expect(a.file).toMatch(new RegExp(`articles/${a.data.date.day.slice(0, 4)}/${a.data.date.day.slice(5, 7)}/${a.slug}\\.md$`));
    }
  });

  it('writes about a tenth in traditional script, and those really are traditional', () => {
    const traditional = content.articles.filter((a) => a.data.lang === 'zh-Hant');
    expect(traditional.length / ARTICLES).toBeGreaterThan(0.05);
    expect(traditional.length / ARTICLES).toBeLessThan(0.16);
    for (const a of traditional) expect(toSimplified(a.body)).not.toBe(a.body);
  });

  it('takes every paragraph of a simplified article from the real archive', () => {
    const paragraphs = new Set(real.paragraphs);
    for (const a of content.articles.filter((x) => x.data.lang === 'zh-Hans').slice(0, 50)) {
      for (const p of a.body
        .split(/\n{2,}/)
        .map((x) => x.trim())
        .filter(Boolean))
        expect(paragraphs.has(p), p).toBe(true);
    }
  });

  it('spreads lengths like the real articles', () => {
    const lengths = content.articles.map((a) => [...a.body.trim()].length).sort((a, b) => a - b);
    const realLengths = [...real.lengths].sort((a, b) => a - b);
    const median = (list: number[]) => list[Math.floor(list.length / 2)]!;
    expect(median(lengths)).toBeGreaterThan(median(realLengths) * 0.6);
    expect(median(lengths)).toBeLessThan(median(realLengths) * 1.8);
    expect(lengths.at(-1)!).toBeGreaterThan(lengths[0]! * 4);
  });

  it('uses the real channels and generated ones, with some articles in two', () => {
    const slugs = content.channels.map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(['jingying', 'shequn']));
    expect(slugs.length).toBeGreaterThanOrEqual(6);
    const used = new Set(content.articles.flatMap((a) => a.data.channel));
    expect(used).toEqual(new Set(slugs));
    const twoChannels = content.articles.filter((a) => a.data.channel.length === 2).length;
    expect(twoChannels).toBeGreaterThan(0);
    expect(twoChannels).toBeLessThan(ARTICLES * 0.2);
  });

  it.each([
    { what: 'the same seed gives the same files', seed: 7, articles: ARTICLES, same: true },
    { what: 'another seed gives other files', seed: 8, articles: ARTICLES, same: false },
  ])('$what', async ({ seed, articles, same }) => {
    const other = path.join(await tempDir('corpus'), 'content');
    await createCorpus({ articles, seed, out: other });
    const [a, b] = [await files(dir), await files(other)];
    const articleFiles = (m: Map<string, string>) => [...m].filter(([f]) => f.endsWith('.md'));
    expect(articleFiles(a).length).toBe(articleFiles(b).length);
    expect(JSON.stringify([...a]) === JSON.stringify([...b])).toBe(same);
  });

  it('makes N+1 articles as the same N plus one (the benchmark adds one)', async () => {
    const other = path.join(await tempDir('corpus'), 'content');
    const corpus = await createCorpus({ articles: 20, seed: 7, out: other });
    const mine = await files(dir);
    for (const [file, text] of await files(other)) if (file.endsWith('.md')) expect(mine.get(file)).toBe(text);
    expect(
      mine.has(
        path.join('articles', corpus.article(20).date.slice(0, 4), corpus.article(20).date.slice(5, 7), `${corpus.article(20).slug}.md`),
      ),
    ).toBe(true);
  });

  it('refuses a directory that is not empty, writing nothing', async () => {
    await expect(createCorpus({ articles: 5, seed: 1, out: dir })).rejects.toThrow(/is not empty/);
    expect((await loadContent(dir)).content.articles).toHaveLength(ARTICLES);
  });
});
