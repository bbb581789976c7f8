/**
 * The real `npm run build` on bodies at and past the renderer's limits: past them it stops before
 * building, naming each file and line with the fix and no stack trace; just within them it builds.
 */
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DELIMITERS_PER_PARAGRAPH, MAX_NESTING_DEPTH } from '../../src/lib/markdown/limits.ts';
import { buildSite, page } from '../helpers/build-site.ts';
import { writeContent, type FixtureArticle } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const channels = [{ slug: 'jingying', name: '经营' }];
const article = (slug: string, body: string): FixtureArticle => ({
  slug,
  title: '标题',
  date: '2019-05-14 09:28:18',
  channel: 'jingying',
  body,
});

describe('a build with bodies past the limits', () => {
  it('stops before building, naming every body by file and line, without a stack trace; check says the same', async () => {
    const root = await tempDir('body-limits');
    const content = await writeContent(path.join(root, 'content'), {
      channels,
      articles: [
        article('fine', '正文。'),
        article('quotes', `${'>'.repeat(2000)} 引文`),
        article('stars', '*强调* '.repeat(20_000)),
        article('links', '见[一篇](/articles/no-such/)。'),
      ],
    });
    const result = buildSite(content, path.join(root, 'dist'));
    const file = (slug: string) => path.join(content, 'articles/2019/05', `${slug}.md`);
    const expected = [
      `${file('links')}:7: the link "/articles/no-such/" goes to no page of the site: an article is at /articles/<file name>/, a channel at /<slug from channels.yaml>/`,
      `${file('quotes')}:7: the line starts with 2,001 characters of indentation, > and list markers (at most 400): quotes and lists nest at most 100 deep; flatten them`,
      `${file('stars')}:7: this paragraph has 40,000 of the characters * _ ] (at most 1,000)`,
      'Build stopped: fix the 4 error(s) above',
    ];
    expect(result.status).toBe(1);
    for (const line of expected) expect(result.output).toContain(line);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toContain('Maximum call stack');

    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const check = spawnSync(tsx, ['scripts/check.ts', '--content', content], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(1);
    for (const line of expected.slice(0, -1)) expect(check.stderr).toContain(line);
  });

  it('names the file, without a stack trace, when the renderer refuses a body check let through (a damaged .cache)', async () => {
    const root = await tempDir('body-limits-cache');
    const content = await writeContent(path.join(root, 'content'), {
      channels,
      articles: [article('fine', '正文。'), article('quotes', `${'>'.repeat(2000)} 引文`)],
    });
    const cache = path.join(root, 'cache');
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    spawnSync(tsx, ['scripts/check.ts', '--content', content], { cwd: ROOT, env: { ...process.env, BUILD_CACHE_DIR: cache } });
    const [facts] = (await readdir(cache)).filter((f) => f.startsWith('body-facts-'));
    const file = path.join(cache, facts!);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"issues":\[[^\]]*\]/g, '"issues":[]'));
    const result = buildSite(content, path.join(root, 'dist'));
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${path.join(content, 'articles/2019/05/quotes.md')}:7: the line starts with 2,001 characters`);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toContain('Stack trace');
  });

  it('builds bodies just within them', async () => {
    const root = await tempDir('body-limits-ok');
    const deep = `${'>'.repeat(MAX_NESTING_DEPTH - 2)} 深处`;
    const stars = '*强调* '.repeat(MAX_DELIMITERS_PER_PARAGRAPH / 2);
    const content = await writeContent(path.join(root, 'content'), {
      channels,
      articles: [
        article('fine', '正文。'),
        article('edge', `${deep}\n\n${stars}\n\n[回到](/articles/fine/) -{zh-hans:信息;zh-hant:資訊}-`),
      ],
    });
    const dist = path.join(root, 'dist');
    const result = buildSite(content, dist);
    expect(result.status, result.output).toBe(0);
    const $ = await page(dist, '/zh-hant/articles/edge/');
    const body = $('.article-body');
    expect(body.find('blockquote').length).toBe(MAX_NESTING_DEPTH - 2);
    expect(body.find('em').length).toBe(MAX_DELIMITERS_PER_PARAGRAPH / 2);
    // On the zh-Hant page the link leads to the zh-Hant article.
    expect(body.find('a').attr('href')).toBe('/zh-hant/articles/fine/');
    expect(body.text()).toContain('資訊');
  });
});
