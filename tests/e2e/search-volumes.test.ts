/**
 * Search over an index in volumes (the fixture's 166 articles in volumes of about 50, shards of
 * 10): a first search loads the newest volume only and says since when it searched; "more"
 * searches older volumes in turn until every article was searched; date order runs across them;
 * a query the newer volumes have less than a page of results for searches them all at once.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { launchBrowser, watchForErrors } from '../helpers/browser.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { serveDist } from '../helpers/static-server.ts';
import { E2E_CONTENT } from './fixture.ts';
import { expectedSlugs } from './search-helpers.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  const root = await tempDir('e2e-volumes');
  const content = await writeContent(path.join(root, 'content'), E2E_CONTENT);
  const dist = path.join(root, 'dist');
  const result = buildSite(content, dist, { SEARCH_SHARD_SIZE: '10', SEARCH_VOLUME_SIZE: '50' });
  expect(result.status, result.output).toBe(0);
  expect(result.output).toMatch(/reader index: [3-6] volumes/);
  server = await serveDist(dist);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const dayOf = (slug: string) => E2E_CONTENT.articles.find((a) => a.slug === slug)!.date.slice(0, 10);

/** The search page's state once it is idle: results shown, status, and the "more" button. */
async function idle(page: Page) {
  await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  return page.evaluate(() => ({
    slugs: [...document.querySelectorAll('#search-results li h2 a')].map((a) => a.getAttribute('href')!.split('/').at(-2)!),
    days: [...document.querySelectorAll('#search-results time')].map((t) => t.getAttribute('datetime')!),
    status: document.getElementById('search-status')!.textContent!,
    more: (() => {
      const button = document.getElementById('search-more')!;
      return button.hidden ? undefined : button.textContent!.trim();
    })(),
  }));
}

/** Clicks "more" until it is gone, waiting for each page of results. */
async function showAll(page: Page) {
  let state = await idle(page);
  while (state.more) {
    // The page is busy from the click until the results are shown.
    await page.click('#search-more');
    state = await idle(page);
  }
  return state;
}

describe('search over an index in volumes', () => {
  it('searches the newest volume first, says since when, and the older ones on "more"', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors = watchForErrors(page);
    const metas: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.pf_meta')) metas.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('发货')}`);
    const expected = expectedSlugs('发货');
    const first = await idle(page);
    expect(first.slugs).toHaveLength(10);
    expect(metas).toEqual([expect.stringMatching(/^\/pagefind\/pagefind\.\w+\.pf_meta$/)]);
    const since = /（(\d{4}-\d{2}-\d{2}) 以来）/.exec(first.status)?.[1];
    expect(since, first.status).toBeDefined();
    // The newest volume's results only: all on or after the day it says, and all of them.
    const newer = expected.filter((slug) => dayOf(slug) >= since!);
    expect(first.status).toContain(`找到 ${newer.length} 篇`);
    for (const slug of first.slugs) expect(newer).toContain(slug);
    expect(first.more).toBe('显示更多结果');

    const all = await showAll(page);
    expect(new Set(all.slugs)).toEqual(new Set(expected));
    expect(all.slugs).toHaveLength(expected.length);
    expect(all.status).toBe(`找到 ${expected.length} 篇文章`);
    expect(metas.length).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps date order across volumes', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/zh-hant/search/?q=${encodeURIComponent('發貨')}&sort=date`);
    const all = await showAll(page);
    const days = expectedSlugs('发货').map(dayOf).sort().reverse();
    expect(all.days).toEqual(days);
    await page.context().close();
  });

  it('searches every volume at once when the newer ones have less than a page of results', async () => {
    const page = await (await browser.newContext()).newPage();
    // 165 is in the title of the oldest article only (第165篇), in the oldest volume.
    await page.goto(`${server.url}/search/?q=165`);
    const state = await idle(page);
    expect(state.slugs).toContain('jingying-164');
    expect(state.slugs.length).toBeLessThan(10);
    expect(state.status).toBe(`找到 ${state.slugs.length} 篇文章`);
    expect(state.more).toBeUndefined();
    await page.context().close();
  });
});
