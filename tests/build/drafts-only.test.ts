/**
 * An archive with no published article yet (its first article a draft, as `npm run new` writes
 * it): the build writes a site that says so, whose checks pass and whose search answers nothing.
 * It used to stop with a stack trace from the search index, where `npm run check` found no problem.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, SITE_URL } from '../../src/consts.ts';
import { openEngine } from '../../src/browser/search/engine.ts';
import { checkSite, formatPageProblem } from '../../scripts/lib/site-checks/index.ts';
import { buildSite, page, textOf } from '../helpers/build-site.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { importFrom } from '../helpers/relevance-fixture.ts';
import { serveDist } from '../helpers/static-server.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

let dist: string;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  const root = await tempDir('drafts-only');
  const content = await writeContent(path.join(root, 'content'), {
    channels: [{ slug: 'jingying', name: '经营' }],
    articles: [{ slug: 'cao-gao', title: '草稿一篇', date: '2019-05-14', channel: 'jingying', draft: true }],
  });
  dist = path.join(root, 'dist');
  const result = buildSite(content, dist);
  expect(result.status, result.output).toBe(0);
  server = await serveDist(dist);
});
afterAll(() => server?.close());

describe('an archive of drafts only', () => {
  it('is a site whose channel says it has no article yet, in both variants, and whose checks pass', async () => {
    for (const folder of ['', 'zh-hant/']) {
      const listing = await page(dist, `/${folder}jingying/`);
      expect(textOf(listing('.empty').text())).toBe(folder ? '暫無文章' : '暂无文章');
    }
    const problems = await checkSite(dist, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES) });
    expect(problems.map(formatPageProblem)).toEqual([]);
  });

  it('has a search that finds nothing, without an error', async () => {
    for (const folder of ['', 'zh-hant/']) {
      const engine = await openEngine(`${server.url}/${folder}pagefind/`, importFrom(dist));
      const hits = await engine.search('草稿');
      expect(hits.total).toBe(0);
      expect(await hits.load(0, 10)).toEqual([]);
    }
  });
});
