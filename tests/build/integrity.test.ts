/**
 * The whole built site, both variants, as the CDN would serve it: every internal link resolves,
 * every page has its twin, none is orphaned, the HTML is valid, each variant is in its own script
 * outside protected text, untrusted HTML is gone, and two clean builds are byte-identical.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, SITE_URL } from '../../src/consts.ts';
import { checkSite, checkSiteScript, diffTrees, formatPageProblem, protectedTexts } from '../../scripts/lib/site-checks/index.ts';
import { listFiles } from '../../scripts/lib/site-checks/tree.ts';
import { CSP_HEADER, CSP_META } from '../../src/lib/headers.ts';
import { buildSite, page } from '../helpers/build-site.ts';
import { writeContent, type FixtureContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { ENTRY_FILE, FRAGMENT_DIR } from '../../src/lib/search/pagefind-files.ts';
import { headersFor, parseHeadersFile } from '../helpers/static-server.ts';

const CONTENT: FixtureContent = {
  channels: [
    { slug: 'jingying', name: '经营' },
    { slug: 'taobao', name: '淘宝' },
  ],
  glossary: [{ hans: '一起惠', hant: '一起惠', note: 'brand' }],
  articles: [
    ...Array.from({ length: 24 }, (_, i) => ({
      slug: `a-${i}`,
      title: `淘宝卖家发货问题${i}`,
      date: `2019-05-${String((i % 28) + 1).padStart(2, '0')} 09:00:00`,
      channel: i % 2 ? 'jingying' : ['taobao', 'jingying'],
      body: `一起惠获悉，头发护理产品的后台数据显示，卖家发货后消费者可以${i}天内申请退款。\n\n## 规则\n\n- 天猫：48小时\n- 淘宝：72小时`,
    })),
    {
      slug: 'fanti',
      title: '網購後台發貨',
      date: '2019-05-20 10:00:00',
      channel: 'taobao',
      lang: 'zh-Hant' as const,
      body: '買家在網上購買了頭髮護理產品，收到後發現問題。-{保留的繁體字}-不轉換。',
    },
    {
      slug: 'hostile',
      title: '<script>alert(1)</script>标题里的尖括号',
      date: '2019-05-21 10:00:00',
      channel: 'jingying',
      summary: '摘要 <img src=x onerror=alert(1)>',
      body: [
        '正文<script>alert(1)</script>里有<b onclick="alert(1)">加粗</b>和<a href="javascript:alert(1)">坏链接</a>。',
        '<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name="q"></form>',
        '<p style="position:fixed;top:0">浮层</p><img src="data:image/png;base64,AAAA" alt="数据图片">',
        '[外部链接](https://www.taobao.com/) 与 [站内链接](/jingying/)，-{zh-hans:信息;zh-hant:資訊}-。',
      ].join('\n\n'),
    },
  ],
};

let root: string;
let distA: string;
let distB: string;

beforeAll(async () => {
  root = await tempDir('integrity');
  const content = await writeContent(path.join(root, 'content'), CONTENT);
  distA = path.join(root, 'a', 'dist');
  distB = path.join(root, 'b', 'dist');
  // Two clean builds with separate caches, as two CI runs of one commit would make.
  for (const dist of [distA, distB]) {
    const result = buildSite(content, dist);
    expect(result.status, result.output).toBe(0);
  }
});

describe('the built site', () => {
  it('has no broken link, missing twin, orphan or invalid HTML', async () => {
    const problems = await checkSite(distA, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES) });
    expect(problems.map(formatPageProblem)).toEqual([]);
  });

  it("is found out when a search bundle lost a file: a fragment, a volume's entry file", async () => {
    const copy = path.join(root, 'damaged', 'dist');
    cpSync(distB, copy, { recursive: true });
    const fragments = path.join(copy, 'pagefind', FRAGMENT_DIR);
    const fragment = readdirSync(fragments).sort()[0]!;
    rmSync(path.join(fragments, fragment));
    rmSync(path.join(copy, 'zh-hant', 'pagefind', ENTRY_FILE));
    const problems = await checkSite(copy, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES), validate: false });
    expect(problems.map(formatPageProblem)).toEqual([
      expect.stringMatching(new RegExp(`^/pagefind/: is missing 1 of the \\d+ files its metadata names \\(fragment/${fragment}\\)\\. `)),
      expect.stringMatching(/^\/zh-hant\/pagefind\/: has no pagefind-entry\.json: the volume is not searchable\. /),
    ]);
  });

  it('reports a search bundle whose metadata is damaged, instead of stopping the checks', async () => {
    const copy = path.join(root, 'damaged-meta', 'dist');
    cpSync(distB, copy, { recursive: true });
    const meta = readdirSync(path.join(copy, 'pagefind')).find((name) => name.endsWith('.pf_meta'))!;
    writeFileSync(path.join(copy, 'pagefind', meta), 'not gzip');
    const problems = await checkSite(copy, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES), validate: false });
    expect(problems.map(formatPageProblem)).toEqual([
      expect.stringMatching(/^\/pagefind\/: has an entry file or metadata that cannot be read \(.+\)\. Searches that reach them fail\./),
    ]);
  });

  it('reports a page that is not UTF-8, which every page says it is', async () => {
    const copy = path.join(root, 'not-utf8', 'dist');
    cpSync(distB, copy, { recursive: true });
    const page = path.join(copy, 'index.html');
    writeFileSync(page, Buffer.concat([readFileSync(page), Buffer.from([0xff, 0xfe, 0xc3])]));
    const problems = await checkSite(copy, { origin: new URL(SITE_URL).origin, localeFolders: Object.keys(LOCALES), validate: false });
    expect(problems.map(formatPageProblem)).toContain(
      '/: is not UTF-8 text, which it says it is: a reader sees garbage. Build the site again.',
    );
  });

  it('shows each variant in its own script outside protected text', async () => {
    const kept = protectedTexts(CONTENT.articles.flatMap((a) => [a.title, a.summary ?? '', a.body ?? '']));
    expect(kept).toEqual(['保留的繁體字']);
    const problems = await checkSiteScript(distA, CONTENT.glossary!, kept);
    expect(problems.map((p) => `${p.page}: ${p.message}`)).toEqual([]);
  });

  it('carries the Content-Security-Policy on every page, before anything it governs, and in _headers', async () => {
    const pages = listFiles(distA).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages) {
      const $ = await page(distA, file);
      expect($('head > meta[http-equiv="Content-Security-Policy"]').attr('content'), file).toBe(CSP_META);
      expect($('head > :nth-child(2)').attr('http-equiv'), file).toBe('Content-Security-Policy');
    }
    const rules = parseHeadersFile(await readFile(path.join(distA, '_headers'), 'utf8'));
    expect(headersFor(rules, '/').get('Content-Security-Policy')).toBe(CSP_HEADER);
  });

  it('is byte-identical across two clean builds', async () => {
    expect(await diffTrees(distA, distB)).toEqual([]);
  });

  it('shows the same dates, numbers and view counts in both variants', async () => {
    for (const a of CONTENT.articles) {
      const [hans, hant] = await Promise.all([page(distA, `/articles/${a.slug}/`), page(distA, `/zh-hant/articles/${a.slug}/`)]);
      const facts = ($: typeof hans) => [
        $('article time').attr('datetime'),
        $('article time').text(),
        $('article .views').text().replace(/\D/g, ''),
      ];
      expect(facts(hant), a.slug).toEqual(facts(hans));
    }
  });

  it('converts a traditional article for the simplified site and keeps protected text', async () => {
    const $ = await page(distA, '/articles/fanti/');
    expect($('h1').text()).toBe('网购后台发货');
    expect($('.article-body').text()).toContain('买家在网上购买了头发护理产品，收到后发现问题。保留的繁體字不转换。');
    const $t = await page(distA, '/zh-hant/articles/fanti/');
    expect($t('.article-body').text()).toContain('買家在網上購買了頭髮護理產品，收到後發現問題。保留的繁體字不轉換。');
  });
});

describe('untrusted HTML in content', () => {
  it('escapes front-matter text and strips scripts, handlers, bad URLs, frames, forms and styles from bodies', async () => {
    for (const urlPath of ['/articles/hostile/', '/zh-hant/articles/hostile/']) {
      const $ = await page(distA, urlPath);
      const body = $('.article-body');
      expect(body.find('script, iframe, object, embed, form, input, style').length, urlPath).toBe(0);
      expect(body.find('[style], [onclick], [onerror]').length, urlPath).toBe(0);
      expect(body.find('a[href^="javascript:"], img[src^="data:"]').length, urlPath).toBe(0);
      // Front-matter text is text: the title's markup is shown, never parsed into elements.
      expect($('h1').text()).toMatch(/^<script>alert\(1\)<\/script>(标题里的尖括号|標題裡的尖括號)$/);
      expect($('meta[name="description"]').attr('content')).toBe('摘要 <img src=x onerror=alert(1)>');
      expect($('img[onerror], [onclick], [onerror]').length, urlPath).toBe(0);
      // Only the site's own script files and the JSON-LD data block are in the page.
      const scripts = $('script')
        .map((_, s) => $(s).attr('src') ?? $(s).attr('type'))
        .get();
      for (const s of scripts) expect(s, urlPath).toMatch(/^\/_astro\/.+\.js$|^application\/ld\+json$/);
      const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
      expect(jsonLd.headline).toMatch(/^<script>alert\(1\)<\/script>/);
      expect($('script[type="application/ld+json"]').html()).not.toContain('</script');
    }
  });

  it('marks external links noopener noreferrer and leaves internal ones alone', async () => {
    const $ = await page(distA, '/articles/hostile/');
    expect($('.article-body a[href="https://www.taobao.com/"]').attr('rel')).toBe('noopener noreferrer');
    expect($('.article-body a[href="/jingying/"]').attr('rel')).toBeUndefined();
  });

  it('resolves per-variant markers without leaving them in the HTML', async () => {
    const [hans, hant] = await Promise.all([page(distA, '/articles/hostile/'), page(distA, '/zh-hant/articles/hostile/')]);
    expect(hans('.article-body').text()).toContain('，信息。');
    expect(hant('.article-body').text()).toContain('，資訊。');
    for (const $ of [hans, hant]) expect($.html()).not.toMatch(/-\{|\}-/);
  });
});
