/**
 * `npm run dev` as a writer uses it: both variants render, an edit to content/ shows on the next
 * load (the browser is told to reload), and search is served from the last build's indexes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as cheerio from 'cheerio';
import { writeContent } from '../helpers/content-fixture.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dev: ChildProcess;
let base: string;
let article: string;
let devOutput = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment without Vitest's own variables, which make Astro's dev server skip its routes. */
const outsideVitest = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$|MODE$)/.test(k)));

const h1 = async (urlPath: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(await (await fetch(`${base}${urlPath}`)).text())?.[1];

beforeAll(async () => {
  const content = await writeContent(path.join(await tempDir('dev'), 'content'), {
    channels: [{ slug: 'jingying', name: '经营' }],
    articles: [
      { slug: 'dev-article', title: '开发预览', date: '2019-05-14 09:28:18', channel: 'jingying' },
      { slug: 'dev-draft', title: '未发布的草稿', date: '2019-05-15 09:28:18', channel: 'jingying', draft: true },
    ],
  });
  article = path.join(content, 'articles/2019/05/dev-article.md');
  // A stand-in for the last build's search bundle.
  const dist = path.join(path.dirname(content), 'dist');
  await mkdir(path.join(dist, 'zh-hant/pagefind'), { recursive: true });
  await writeFile(path.join(dist, 'zh-hant/pagefind/pagefind.js'), 'export const built = true;\n');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(path.join(ROOT, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...outsideVitest(), CONTENT_DIR: content, DIST_DIR: path.join(path.dirname(content), 'dist'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  dev.stderr!.on('data', (c: Buffer) => {
    devOutput += c;
  });
  dev.stdout!.on('data', (c: Buffer) => {
    devOutput += c;
  });
  await new Promise<void>((resolve, reject) => {
    dev.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('watching for file changes')) resolve();
    });
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${devOutput}`)));
  });
  // The watcher starts before the routes are served: wait until the home page answers.
  await vi.waitFor(async () => expect((await fetch(`${base}/`)).status).toBe(200), { timeout: 60_000, interval: 200 });
});

afterAll(() => {
  dev?.kill();
});

describe('npm run dev', () => {
  it('previews both variants and follows edits to content/', async () => {
    expect(await h1('/articles/dev-article/')).toBe('开发预览');
    expect(await h1('/zh-hant/articles/dev-article/')).toBe('開發預覽');
    const text = await readFile(article, 'utf8');
    // Saved again on each try: the watcher may still be scanning content/ when the first save lands.
    await vi.waitFor(
      async () => {
        await writeFile(article, text.replace('title: 开发预览', 'title: 改过的标题'));
        expect(await h1('/articles/dev-article/')).toBe('改过的标题');
      },
      { timeout: 30_000, interval: 500 },
    );
    expect(await h1('/zh-hant/articles/dev-article/')).toBe('改過的標題');
  });

  it('shows drafts, which builds never publish, marked as drafts', async () => {
    expect(await h1('/articles/dev-draft/')).toBe('未发布的草稿');
    expect(await h1('/zh-hant/articles/dev-draft/')).toBe('未發佈的草稿');
    const mark = async (url: string) =>
      cheerio
        .load(await (await fetch(`${base}${url}`)).text())('.meta .draft')
        .first()
        .text();
    expect(await mark('/articles/dev-draft/')).toBe('草稿：只在预览中显示，不会发布');
    expect(await mark('/zh-hant/articles/dev-draft/')).toMatch(/^草稿：/);
    // In the channel's listing too, and on no published article.
    expect(await mark('/jingying/')).toBe('草稿：只在预览中显示，不会发布');
    expect(await mark('/articles/dev-article/')).toBe('');
  });

  it('leaves out the Content-Security-Policy <meta>, which would block the styles Vite injects inline', async () => {
    const html = await (await fetch(`${base}/articles/dev-article/`)).text();
    expect(html).toMatch(/<style[^>]*>/);
    expect(html).not.toContain('Content-Security-Policy');
  });

  it('serves the search bundle from the last build, or says how to get one', async () => {
    const built = await fetch(`${base}/zh-hant/pagefind/pagefind.js`);
    expect(built.status).toBe(200);
    expect(built.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await built.text()).toBe('export const built = true;\n');
    const missing = await fetch(`${base}/pagefind/pagefind.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('run `npm run build` once');
    // Said in the terminal too: the search page only says search is unavailable.
    await vi.waitFor(() => expect(devOutput).toContain('/pagefind/pagefind.js is not in'), { timeout: 10_000, interval: 100 });
  });

  it('shows a content error in the browser at its line, and prints it once however many requests fail', async () => {
    const text = await readFile(article, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('channel:')) + 1;
    const problem = `dev-article.md:${line} channel: unknown channel "nosuch"`;
    const browser = await launchBrowser();
    try {
      await writeFile(article, text.replace(/^channel: .*$/m, 'channel: nosuch'));
      await vi.waitFor(
        async () => {
          expect((await fetch(`${base}/articles/dev-article/`)).status).toBe(500);
          expect(devOutput).toContain(problem);
        },
        { timeout: 30_000, interval: 500 },
      );
      const page = await browser.newPage();
      await page.goto(`${base}/articles/dev-article/`);
      // Astro's error overlay, in its shadow root (which Playwright's locators see into).
      await expect.poll(() => page.locator('#title').textContent(), { timeout: 10_000 }).toBe('Content to fix');
      expect(await page.locator('#message-content').textContent()).toContain(problem);
      expect(await page.locator('#hint-content').textContent()).toContain('npm run check');
      expect(await page.locator('#code header h2').textContent()).toBe(`05/dev-article.md:${line}`);
      // The fetch and the page failed alike: the list was printed once after the save's line (or
      // once after each, should the watcher have reported the save twice).
      const printedAfterEachSave = devOutput.split('changed: reloading').map((part) => part.split(problem).length - 1);
      expect(Math.max(...printedAfterEachSave)).toBe(1);
    } finally {
      await browser.close();
      await writeFile(article, text);
    }
    await vi.waitFor(async () => expect((await fetch(`${base}/articles/dev-article/`)).status).toBe(200), {
      timeout: 30_000,
      interval: 500,
    });
  });

  it('stays up when content/ gains a link to /: it names the link as a content error, and recovers when it is gone', async () => {
    // Last: it breaks the content for a while. Followed, such a link had the watcher walk the disk.
    const link = path.join(path.dirname(article), 'root');
    await symlink('/', link);
    try {
      await vi.waitFor(
        async () => {
          expect((await fetch(`${base}/articles/dev-article/`)).status).toBe(500);
          // The page is Vite's error overlay, filled in by its client; the message is in the log.
          expect(devOutput).toContain('is a link to /, outside the content folder');
        },
        { timeout: 30_000, interval: 500 },
      );
      // A content error, not the promise machinery: Astro's "unhandled rejection" and its advice on `await`.
      expect(devOutput).not.toMatch(/unhandled ?rejection/i);
    } finally {
      await rm(link);
    }
    await vi.waitFor(async () => expect(await h1('/articles/dev-article/')).toBe('改过的标题'), { timeout: 30_000, interval: 500 });
  });
});
