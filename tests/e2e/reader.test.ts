/**
 * A reader's walk through the site in Chromium, at phone and desktop widths: home → channel →
 * page 8 through the pager → article → the same article in the other variant → back. Screenshots
 * are kept in test-results/ as artefacts; axe-core finds no serious or critical violation on any
 * page; nothing breaks the Content-Security-Policy the CDN sends.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, watchForErrors } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist(inject('e2eDist'));
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page } as never).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('a reader on a %s', (name, viewport) => {
  it('walks home → channel → page 8 → article → traditional → back', async () => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const visited: string[] = [];
    const check = async (label: string) => {
      visited.push(new URL(page.url()).pathname);
      expect(await accessibilityViolations(page), `${label} (${page.url()})`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${visited.length}-${label}.png`), fullPage: true });
    };

    await page.goto(`${server.url}/`);
    await expect.poll(() => page.title()).toBe('一起惠资讯');
    await check('home');

    await page.getByRole('navigation', { name: '频道导航' }).getByRole('link', { name: '经营' }).click();
    await page.waitForURL(/\/jingying\/$/);
    expect(await page.locator('h1').textContent()).toBe('经营');
    await check('channel');

    // Through the pager's ±3 window: 1 → 4 → 7 → 8.
    const pager = page.getByRole('navigation', { name: '分页' });
    for (const n of ['4', '7']) {
      await pager.getByRole('link', { name: n, exact: true }).click();
      await page.waitForURL(new RegExp(`/jingying/${n}/$`));
    }
    await pager.getByRole('link', { name: '8', exact: true }).click();
    await page.waitForURL(/\/jingying\/8\/$/);
    const summary = await pager.locator('.pager-summary').textContent();
    expect(summary).toBe('141-160/165 记录 8/9 页');
    expect(await pager.locator('[aria-current="page"]').textContent()).toBe('8');
    await check('page-8');

    const first = page.locator('.article-list .entry-title a').first();
    const title = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/articles\/jingying-\d+\/$/);
    expect(await page.locator('h1').textContent()).toBe(title);
    const articlePath = new URL(page.url()).pathname;
    await check('article');

    await page.locator('a[data-variant-switch]').first().click();
    await page.waitForURL(new RegExp(`/zh-hant${articlePath}$`));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    expect(await page.locator('h1').textContent()).toMatch(/^經營第\d+篇/);
    await check('article-traditional');

    await page.goBack();
    await page.waitForURL(new RegExp(`${articlePath}$`));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.locator('h1').textContent()).toBe(title);

    expect(visited).toEqual(['/', '/jingying/', '/jingying/8/', articlePath, `/zh-hant${articlePath}`]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('layout at phone width', () => {
  it('never scrolls sideways, and every link in the pager is big enough to tap', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    for (const urlPath of ['/', '/jingying/8/', '/articles/jingying-000/', '/zh-hant/jingying/8/']) {
      await page.goto(`${server.url}${urlPath}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, urlPath).toBe(0);
    }
    await page.goto(`${server.url}/jingying/8/`);
    for (const box of await page.locator('.pager a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON()))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await page.close();
  });

  it('scrolls a table wider than the phone within itself, with no column squeezed to a character or two', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/zh-hant/articles/fanti-wenzhang/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const table = page.locator('.article-body table');
    expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    // Each cell at least three characters wide, and a number on one line (a date may break after a hyphen).
    const cells = await table.locator('th, td').evaluateAll((all) =>
      all.map((cell) => {
        const size = parseFloat(getComputedStyle(cell).fontSize);
        const padding = parseFloat(getComputedStyle(cell).paddingLeft) + parseFloat(getComputedStyle(cell).paddingRight);
        const text = document.createRange();
        text.selectNodeContents(cell);
        const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
        return { text: cell.textContent!, characters: (cell.clientWidth - padding) / size, lines };
      }),
    );
    expect(cells).toHaveLength(16);
    expect(cells.filter((c) => c.characters < 3)).toEqual([]);
    expect(cells.filter((c) => /^\d+$/.test(c.text)).map((c) => c.lines)).toEqual([1]);
    await page.close();
  });

  it('moves focus visibly: the skip link comes first and lands on the main content', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/jingying/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('colour scheme and print', () => {
  it('follows a dark system setting', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.url}/articles/jingying-000/`);
      const result = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
      await context.close();
      return result;
    };
    expect(await colours('light')).toEqual(['rgb(255, 255, 255)', 'rgb(31, 35, 40)']);
    expect(await colours('dark')).toEqual(['rgb(13, 17, 23)', 'rgb(230, 237, 243)']);
  });

  it('prints an article without navigation, sidebar or search', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/articles/jingying-000/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.channel-nav', '.sidebar', '.breadcrumb', '.article-neighbours']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.article h1').isVisible()).toBe(true);
    expect(await page.locator('.article-body').isVisible()).toBe(true);
    await page.close();
  });
});

describe('the variant offer', () => {
  it('offers traditional once to a reader whose browser prefers zh-TW, and remembers the choice', async () => {
    const context = await browser.newContext({ locale: 'zh-TW' });
    const page = await context.newPage();
    await page.goto(`${server.url}/jingying/`);
    const offer = page.locator('#variant-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.getAttribute('lang')).toBe('zh-Hant');
    await offer.getByRole('link').click();
    await page.waitForURL(/\/zh-hant\/jingying\/$/);
    // A later visit from outside the site to a simplified page takes the reader to their choice.
    await page.goto(`${server.url}/shequn/`);
    await page.waitForURL(/\/zh-hant\/shequn\/$/);
    expect(await page.locator('#variant-offer').isVisible()).toBe(false);
    await context.close();
  });

  it('is not offered where the reader already is, never redirects without a choice, and is offered once', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/jingying/`);
    expect(await page.locator('#variant-offer').isVisible()).toBe(false);
    // Arriving on a traditional page: offered simplified, not moved.
    await page.goto(`${server.url}/zh-hant/jingying/`);
    expect(new URL(page.url()).pathname).toBe('/zh-hant/jingying/');
    const offer = page.locator('#variant-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.getAttribute('lang')).toBe('zh-Hans');
    await offer.getByRole('button').click();
    await expect.poll(() => offer.isVisible()).toBe(false);
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/zh-hant/jingying/');
    expect(await page.locator('#variant-offer').isVisible()).toBe(false);
    await context.close();
  });
});
