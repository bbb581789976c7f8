/**
 * The real archive (content/, imported from the legacy pages) builds, and the built site passes
 * every whole-site check: links, twins, orphans, valid HTML, each variant in its own script.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, PAGE_SIZE, SITE_URL } from '../../src/consts.ts';
import { loadContent } from '../../src/integrations/site-data/load-content.ts';
import type { Content } from '../../src/integrations/site-data/load-content.ts';
import { checkSite, checkSiteScript, formatPageProblem, protectedTexts } from '../../scripts/lib/site-checks/index.ts';
import { buildSite, page, textOf } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');
let dist: string;
let content: Content;

beforeAll(async () => {
  const loaded = await loadContent(CONTENT_DIR);
  expect(loaded.problems).toEqual([]);
  content = loaded.content;
  dist = path.join(await tempDir('real-archive'), 'dist');
  const result = buildSite(CONTENT_DIR, dist);
  expect(result.status, result.output).toBe(0);
});

describe('the real archive', () => {
  it('publishes every article in both variants', () => {
    const published = content.articles
      .filter((a) => !a.data.draft)
      .map((a) => a.slug)
      .sort();
    expect(published.length).toBeGreaterThanOrEqual(38);
    for (const folder of ['articles', 'zh-hant/articles']) {
      expect(readdirSync(path.join(dist, folder)).sort(), folder).toEqual(published);
    }
  });

  it('lists each channel with the legacy pager', async () => {
    for (const channel of content.channels) {
      const count = content.articles.filter((a) => !a.data.draft && a.data.channel.includes(channel.slug)).length;
      const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
      const $ = await page(dist, `/${channel.slug}/`);
      expect(textOf($('.pager-summary').text())).toBe(`${count === 0 ? 0 : 1}-${Math.min(PAGE_SIZE, count)}/${count} 记录 1/${pages} 页`);
      expect($('.article-list > li').length).toBe(Math.min(PAGE_SIZE, count));
    }
  });

  it('has no broken link, missing twin, orphan or invalid HTML', async () => {
    const problems = await checkSite(dist, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES) });
    expect(problems.map(formatPageProblem)).toEqual([]);
  });

  it('shows every page in its own script outside protected text', async () => {
    const kept = protectedTexts(content.articles.flatMap((a) => [a.data.title, a.data.summary ?? '', a.body]));
    const problems = await checkSiteScript(dist, content.glossary, kept);
    expect(problems.map((p) => `${p.page}: ${p.message}`)).toEqual([]);
  });
});
