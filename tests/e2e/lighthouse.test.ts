/**
 * Lighthouse (mobile preset, Debian's Chromium) on the home, a listing and an article page in
 * both variants: performance, accessibility, best practices and SEO at 95 or better. The scores
 * are written to test-results/lighthouse.json (BENCHMARKS.md quotes a run).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';

const FLOOR = 95;
const PAGES = ['/', '/jingying/', '/articles/jingying-000/', '/zh-hant/', '/zh-hant/jingying/', '/zh-hant/articles/jingying-000/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const scores: Record<string, Record<string, number>> = {};

let chrome: chromeLauncher.LaunchedChrome;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist(inject('e2eDist'));
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
});

afterAll(async () => {
  chrome?.kill();
  await server?.close();
  const out = path.resolve(import.meta.dirname, '../../test-results');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'lighthouse.json'), `${JSON.stringify(scores, null, 2)}\n`);
});

describe('Lighthouse, mobile preset', () => {
  it.each(PAGES)('%s scores at least 95 in every category', async (urlPath) => {
    const result = await lighthouse(`${server.url}${urlPath}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      formFactor: 'mobile',
      onlyCategories: CATEGORIES,
    });
    const categories = result!.lhr.categories;
    scores[urlPath] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]!.score ?? 0) * 100)]));
    const failing = Object.values(result!.lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => `${a.id}: ${a.displayValue ?? a.score}`);
    for (const c of CATEGORIES)
      expect(scores[urlPath]![c], `${c} on ${urlPath}; weakest audits: ${failing.join('; ')}`).toBeGreaterThanOrEqual(FLOOR);
  });
});
