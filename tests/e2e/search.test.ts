/**
 * Search in Chromium on both variants, over the shared e2e build: the `?q=` link runs on load,
 * typing runs again, cross-script queries find the same articles, the channel filter and date
 * order work, "more results" pages on and moves focus, an input method's pinyin is not searched,
 * and the header box loads nothing of the search until it is focused. Expected counts come from the fixture's text, folded with OpenCC.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';
import { E2E_CONTENT } from './fixture.ts';
import { expectedSlugs, settled } from './search-helpers.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist(inject('e2eDist'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  ['zh-Hans', ''],
  ['zh-Hant', '/zh-hant'],
])('search on %s', (_, prefix) => {
  it("runs the ?q= query on load, in the page's script, with highlighted excerpts", async () => {
    const page = await (await browser.newContext()).newPage();
    const errors = watchForErrors(page);
    await page.goto(`${server.url}${prefix}/search/?q=${encodeURIComponent('发货')}`);
    const expected = expectedSlugs('发货');
    expect(expected.length).toBeGreaterThan(10);
    const links = await settled(page, expected.length);
    expect(links).toHaveLength(10);
    for (const href of links) expect(href).toMatch(new RegExp(`^${prefix}/articles/[^/]+/$`));
    expect(await page.inputValue('#search-page-q')).toBe('发货');
    const marks = await page.$$eval('#search-results mark', (m) => m.map((e) => e.textContent));
    expect(new Set(marks)).toEqual(new Set([prefix ? '發貨' : '发货']));
    expect(await page.textContent('#search-results time')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const axe = await new AxeBuilder({ page } as never).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/search${prefix.replace('/', '-') || '-zh-hans'}.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says what a search needs when a query is punctuation or emoji alone, not that nothing was found', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${prefix}/search/?q=${encodeURIComponent('！？。🎉')}`);
    await page.waitForSelector('#search-app[data-state="done"]');
    expect(await page.textContent('#search-status')).toBe(
      prefix ? '請輸入要查找的文字或數字：標點和表情符號不能用來搜索。' : '请输入要查找的文字或数字：标点和表情符号不能用来搜索。',
    );
    expect(await page.$$('#search-results li')).toEqual([]);
    await page.context().close();
  });

  it.each(['发货', '發貨', '頭髮', '投诉 天猫'])('finds what %s should find, typed in', async (query) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${prefix}/search/`);
    await page.fill('#search-page-q', query);
    await page.press('#search-page-q', 'Enter');
    const expected = expectedSlugs(query);
    const links = await settled(page, expected.length);
    expect(links).toHaveLength(Math.min(10, expected.length));
    for (const slug of links.map((l) => l.split('/').at(-2)!)) expect(expected).toContain(slug);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    const other = new URL((await page.getAttribute('a[data-variant-switch]', 'href'))!, page.url());
    expect(other.pathname).toBe(prefix ? '/search/' : '/zh-hant/search/');
    expect(other.searchParams.get('q')).toBe(query);
    await page.context().close();
  });

  it('filters by channel, sorts by date, pages on with focus on the first new result', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${prefix}/search/?q=${encodeURIComponent('发货')}`);
    await settled(page, expectedSlugs('发货').length);

    const shequn = expectedSlugs('发货', 'shequn');
    await page.selectOption('#search-channel', { index: 2 });
    const filtered = await settled(page, shequn.length);
    for (const href of filtered) expect(shequn).toContain(href.split('/').at(-2));
    expect(new URL(page.url()).searchParams.get('channel')).toBeTruthy();

    await page.selectOption('#search-channel', '');
    await page.selectOption('#search-sort', 'date');
    const all = expectedSlugs('发货');
    await settled(page, all.length);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('date');
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 20);
    // The newest twenty of the whole archive, though the index was built in shards of ten.
    const dates = await page.$$eval('#search-results time', (t) => t.map((e) => e.getAttribute('datetime')!));
    const newest = E2E_CONTENT.articles
      .filter((a) => all.includes(a.slug))
      .map((a) => a.date.slice(0, 10))
      .sort()
      .reverse();
    expect(dates).toEqual(newest.slice(0, 20));
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    const eleventh = await page.$eval('#search-results li:nth-child(11) a', (a) => a.getAttribute('href'));
    expect(focused).toBe(eleventh);
    await page.context().close();
  });
});

describe('one index for the reader', () => {
  it('answers a query over an archive indexed in many shards with one metadata file and the words chunks', async () => {
    const page = await (await browser.newContext()).newPage();
    const files: string[] = [];
    page.on('request', (r: Request) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/pagefind/')) files.push(pathname.slice('/pagefind/'.length));
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('发货')}`);
    await settled(page, expectedSlugs('发货').length);
    // 发货 is one token, so one word chunk (the fixture's 160 articles are indexed in shards of ten).
    expect(files.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('index/'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('fragment/'))).toHaveLength(10);
    expect(files.filter((f) => f.includes('/') && !/^(index|fragment)\//.test(f))).toEqual([]);
    // Preloaded by the page, and each fetched once: the preloads were the requests the script used.
    for (const file of ['pagefind.js', 'wasm.unknown.pagefind', 'yiqihui-search.json'])
      expect(
        files.filter((f) => f === file),
        file,
      ).toHaveLength(1);
    const preloaded = await page.$$eval('link[rel=preload], link[rel=modulepreload]', (links) => links.map((l) => l.getAttribute('href')));
    expect(preloaded.sort()).toEqual(['/pagefind/pagefind.js', '/pagefind/wasm.unknown.pagefind', '/pagefind/yiqihui-search.json']);
    // Pagefind runs on the page's thread: its worker's script would be a round trip more.
    expect(files).not.toContain('pagefind-worker.js');
    await page.context().close();
  });
});

describe('typing with an input method', () => {
  it('searches the word picked, not the pinyin on its way to it', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    await page.focus('#search-page-q');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'fahuo', selectionStart: 5, selectionEnd: 5 });
    expect(await page.inputValue('#search-page-q')).toBe('fahuo');
    // A search puts its query in the URL at once, before it fetches anything.
    expect(await page.evaluate(() => location.search)).toBe('');
    await cdp.send('Input.insertText', { text: '发货' });
    expect(await settled(page, expectedSlugs('发货').length)).toHaveLength(10);
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('q'))).toBe('发货');
    await page.context().close();
  });
});

describe('the header search box', () => {
  it('loads no search code until focused, then submits to the search page', async () => {
    const page = await (await browser.newContext()).newPage();
    const requests: string[] = [];
    page.on('request', (r: Request) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/zh-hant/articles/fanti-wenzhang/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.includes('pagefind'))).toEqual([]);

    await page.focus('#search-q');
    await page.waitForRequest((r) => r.url().endsWith('/zh-hant/pagefind/pagefind.js'));
    await page.fill('#search-q', '头发');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/\/zh-hant\/search\/\?q=/);
    const links = await settled(page, expectedSlugs('头发').length);
    expect(links).toEqual(['/zh-hant/articles/fanti-wenzhang/']);
    await page.context().close();
  });
});
