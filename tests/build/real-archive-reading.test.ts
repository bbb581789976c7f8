/**
 * The imported archive as a reader on a phone gets it: every article of content/ built, opened in
 * Chromium at 390 px and saved to test-results/real-archive-phone/ for a person to look through.
 * What the importer restores must show: a long body in several blocks, no wall of text, a summary
 * that does not repeat the title, nothing wider than the screen.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/site-data/load-content.ts';
import { launchBrowser, PHONE } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { serveDist } from '../helpers/static-server.ts';

const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/real-archive-phone');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let slugs: string[];

beforeAll(async () => {
  const { content, problems } = await loadContent(CONTENT_DIR);
  expect(problems).toEqual([]);
  slugs = content.articles
    .filter((a) => !a.data.draft)
    .map((a) => a.slug)
    .sort();
  const dist = path.join(await tempDir('real-archive-reading'), 'dist');
  const result = buildSite(CONTENT_DIR, dist);
  expect(result.status, result.output).toBe(0);
  server = await serveDist(dist);
  browser = await launchBrowser();
  await rm(SHOTS, { recursive: true, force: true });
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Reading {
  title: string;
  description: string;
  bodyLength: number;
  blocks: number;
  longestBlock: number;
  pageWidth: number;
}

describe('the real archive on a phone', () => {
  it('reads as articles: long bodies in blocks, no wall of text, summaries that go on from the title', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    const readings: Record<string, Reading> = {};
    for (const slug of slugs) {
      await page.goto(`${server.url}/articles/${slug}/`);
      await page.screenshot({ path: path.join(SHOTS, `${slug}.png`), fullPage: true });
      readings[slug] = await page.evaluate(() => {
        const body = document.querySelector('.article-body')!;
        const blocks = [...body.querySelectorAll(':scope > p, :scope > h2, :scope > h3, :scope > ol > li, :scope > ul > li')];
        const length = (e: Element) => [...(e as HTMLElement).innerText.replace(/\s+/g, '')].length;
        return {
          title: document.querySelector('h1')!.textContent!.trim(),
          description: document.querySelector('meta[name="description"]')!.getAttribute('content')!,
          bodyLength: length(body),
          blocks: blocks.length,
          longestBlock: Math.max(...blocks.map(length)),
          pageWidth: document.documentElement.scrollWidth,
        };
      });
    }
    await context.close();
    const unreadable = Object.entries(readings).flatMap(([slug, r]) => [
      ...(r.bodyLength > 1000 && r.blocks < 3 ? [`${slug}: ${r.bodyLength} characters in ${r.blocks} block(s)`] : []),
      ...(r.longestBlock > 800 ? [`${slug}: a block of ${r.longestBlock} characters`] : []),
      ...(r.description.startsWith(r.title) ? [`${slug}: the description repeats the title "${r.title}"`] : []),
      ...(r.pageWidth > PHONE.width ? [`${slug}: ${r.pageWidth} px wide on a ${PHONE.width} px screen`] : []),
    ]);
    expect(unreadable).toEqual([]);
    expect(Object.keys(readings)).toHaveLength(slugs.length);
  });
});
