/** What the search tests expect of the fixture, and how they wait for the search page. */
import type { Page } from 'playwright-core';
import { toSimplified } from '../../src/lib/convert/opencc.ts';
import { E2E_CONTENT } from './fixture.ts';

const fold = (text: string) => toSimplified(text).toLowerCase();
/** Slugs of the fixture articles whose title or body contains every part of the query. */
export function expectedSlugs(query: string, channel?: string): string[] {
  const parts = fold(query).split(/\s+/);
  return E2E_CONTENT.articles
    .filter((a) => !a.draft && (!channel || [a.channel].flat().includes(channel)))
    .filter((a) => parts.every((p) => fold(`${a.title}\n${a.body ?? ''}`).includes(p)))
    .map((a) => a.slug);
}

/** Waits until the search has settled on `count` results, then returns the result links. */
export async function settled(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => {
    const app = document.getElementById('search-app');
    const status = document.getElementById('search-status')?.textContent ?? '';
    return app?.dataset.state === 'done' && (n === 0 ? !/\d/.test(status) : status.includes(` ${n} `));
  }, count);
  return page.$$eval('#search-results li h2 a', (links) => links.map((a) => a.getAttribute('href')!));
}
