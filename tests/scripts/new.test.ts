import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/site-data/load-content.ts';
import { tempDir, writeContent } from '../helpers/content-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/new.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

async function fixture() {
  const dir = await tempDir('new-article');
  return writeContent(dir, { channels: [{ slug: 'taobao', name: '淘宝' }, { slug: 'jingying', name: '经营' }], articles: [] });
}

describe('npm run new', () => {
  it('creates a valid draft named from the title, dated now in Beijing time', async () => {
    const dir = await fixture();
    const before = Date.now();
    const result = run('--channel', 'taobao', '--title', '淘宝卖家如何应对618大促', '--content', dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('/articles/tao-bao-mai-jia-ru-he-ying-dui-618-da-cu/');
    const { content, problems } = await loadContent(dir);
    expect(problems).toEqual([]);
    const [article] = content.articles;
    expect(article?.slug).toBe('tao-bao-mai-jia-ru-he-ying-dui-618-da-cu');
    expect(article?.data).toMatchObject({ title: '淘宝卖家如何应对618大促', channel: ['taobao'], views: 0, draft: true });
    // Written as Beijing wall-clock time: it reads back as an instant within this test's run.
    expect(article!.data.date.epochMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(article!.data.date.epochMs).toBeLessThanOrEqual(Date.now());
    expect(article!.file).toMatch(/articles\/\d{4}\/\d{2}\/tao-bao-mai-jia-ru-he-ying-dui-618-da-cu\.md$/);
  });

  it('never overwrites: the same title twice gets a second slug', async () => {
    const dir = await fixture();
    expect(run('--channel', 'taobao,jingying', '--title', '同名', '--content', dir).status).toBe(0);
    expect(run('--channel', 'taobao', '--title', '同名', '--content', dir).status).toBe(0);
    const { content } = await loadContent(dir);
    expect(content.articles.map((a) => a.slug).sort()).toEqual(['tong-ming', 'tong-ming-2']);
    expect(content.articles.find((a) => a.slug === 'tong-ming')?.data.channel).toEqual(['taobao', 'jingying']);
  });

  it.each([
    [['--channel', 'taobo', '--title', 'x'], '--channel: unknown channel "taobo" (did you mean "taobao"?)'],
    [['--channel', 'taobao'], '--title is required'],
    [['--title', 'x'], '--channel is required'],
    [['--channel', 'taobao', '--title', 'x', '--lang', 'en'], '--lang: expected one of zh-Hans, zh-Hant, got "en"'],
    [['--chanel', 'taobao'], "Unknown option '--chanel'"],
  ])('refuses %j with a clear message and writes nothing', async (args, message) => {
    const dir = await fixture();
    const result = run(...args, '--content', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage: npm run new');
    expect(await readdir(path.join(dir, 'articles'))).toEqual([]);
  });
});
