import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/integrations/site-data/load-content.ts';
import { formatProblem, isError } from '../../../src/lib/content/problems.ts';
import { parseArchiveDate, type ArchiveDate } from '../../../src/lib/dates.ts';
import { parseArticle } from '../../../scripts/lib/import/content-store.ts';
import { runImport, type ImportOptions } from '../../../scripts/lib/import/importer.ts';
import { LEGACY_DIR } from '../../helpers/legacy.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const LEGACY = LEGACY_DIR;
const FIXTURES = path.resolve('tests/fixtures/import');
const jingying = path.join(LEGACY, 'jingying-page-8.txt');
const shequn = path.join(LEGACY, 'shequn-page-2.txt');
const longformFile = path.join(LEGACY, 'shequn-longform.txt');
const fixture = (name: string) => path.join(FIXTURES, name);
const longform = { channel: 'shequn', date: parseArchiveDate('2018-06-01') as ArchiveDate, views: 0 };

const run = (contentDir: string, files: string[], extra: Partial<ImportOptions> = {}) =>
  runImport({ files, contentDir, dryRun: false, ...extra });

/** Every file under `dir` with its text, for before/after comparisons. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return Object.fromEntries(await Promise.all(files.sort().map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')])));
}

const articles = (files: Record<string, string>) =>
  Object.entries(files)
    .filter(([f]) => f.endsWith('.md'))
    .map(([file, text]) => ({ file, ...parseArticle(text) }));

describe('importing the legacy pages', () => {
  it('writes every article once, valid for the site, with registries', async () => {
    const dir = await tempDir('import-test');
    const report = await run(dir, [jingying, shequn, longformFile], { longform });
    // 41 copies: one article in both channels and two reposts make 38 articles.
    expect(report.plan?.created).toHaveLength(38);
    expect(report.problems).toEqual([]);
    const { content, problems } = await loadContent(dir);
    expect(problems.filter(isError)).toEqual([]);
    expect(content.articles).toHaveLength(38);
    expect(content.channels).toEqual([
      { slug: 'jingying', name: '经营' },
      { slug: 'shequn', name: '社群' },
    ]);
    expect(content.merchants).toHaveLength(9);
    for (const a of content.articles) {
      expect([...a.data.title].length).toBeLessThanOrEqual(a.data.channel.includes('shequn') && a.data.views === 0 ? 40 : 30);
      expect(a.file).toContain(`/articles/${a.data.date.day.slice(0, 4)}/${a.data.date.day.slice(5, 7)}/`);
    }
    const shared = content.articles.find((a) => a.data.title.startsWith('开车进入某个百货商场'))!;
    expect(shared.data).toMatchObject({ channel: ['jingying', 'shequn'], views: 644 });
    const repost = content.articles.find((a) => a.body.trimStart().startsWith('4月28日消息'))!;
    expect(repost.data).toMatchObject({ views: 345, date: { display: '2019-04-29 09:18:13' } });
    const page = content.articles.find((a) => a.data.date.display === '2018-06-01')!;
    expect(page.data.title).toBe('社群电商运营案例拥有一个商家自己的垂直电商平台才能决胜消费终端');
    expect(page.body).toContain('\n## 一、挖掘商品卖点\n');
    expect(page.body).not.toMatch(/发稿网|文章来源|^END$/m);
  });

  it('changes nothing when run twice, and slugs do not depend on file order', async () => {
    const [a, b] = [await tempDir('import-test'), await tempDir('import-test')];
    await run(a, [jingying, shequn, longformFile], { longform });
    const first = await snapshot(a);
    const again = await run(a, [longformFile, shequn, jingying], { longform });
    expect(again.written).toEqual([]);
    expect(again.plan?.unchanged).toHaveLength(38);
    expect(await snapshot(a)).toEqual(first);
    await run(b, [longformFile, shequn, jingying], { longform });
    const other = await snapshot(b);
    const onlyArticles = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([f]) => f.endsWith('.md')));
    expect(onlyArticles(other)).toEqual(onlyArticles(first));
  });

  it('merges a further page without touching what a writer edited', async () => {
    const dir = await tempDir('import-test');
    await run(dir, [jingying]);
    const [target] = articles(await snapshot(dir)).filter((a) => String(a.data.title).startsWith('开车进入'));
    const edited = (await readFile(path.join(dir, target!.file), 'utf8'))
      .replace(/^title: .*$/m, 'title: 商场里的精准营销')
      .replace(/^summary: .*$/m, 'summary: 编辑写的摘要。')
      .replace(/开车进入某个百货商场地下车库/, '开车进入商场车库');
    await writeFile(path.join(dir, target!.file), edited);
    const report = await run(dir, [shequn]);
    expect(report.plan?.merged).toEqual([path.basename(target!.file, '.md')]);
    const after = parseArticle(await readFile(path.join(dir, target!.file), 'utf8'));
    expect(after.data).toMatchObject({ title: '商场里的精准营销', summary: '编辑写的摘要。', channel: ['jingying', 'shequn'], views: 644 });
    expect(after.body).toBe(parseArticle(edited).body);
  });

  it('dry-run reports the files it would write and writes none', async () => {
    const dir = await tempDir('import-test');
    const report = await run(dir, [jingying], { dryRun: true });
    expect(report.written).toHaveLength(20); // 20 copies with two repost pairs: 18 articles, channels, merchants
    expect(await snapshot(dir)).toEqual({});
  });
});

describe('traditional pages', () => {
  it('merges a traditional copy into the simplified article and keeps the simplified text', async () => {
    const dir = await tempDir('import-test');
    const report = await run(dir, [fixture('taobao-traditional.txt'), jingying]);
    const all = articles(await snapshot(dir));
    const shared = all.find((a) => a.body.startsWith('我相信网购'))!;
    expect(shared.data).toMatchObject({ channel: ['jingying', 'taobao'], views: 612, lang: 'zh-Hans', date: '2019-05-14 09:28:18' });
    expect(report.plan?.merges.find((m) => m.origins.some((o) => o.endsWith('taobao-traditional.txt:2')))?.origins).toEqual(
      expect.arrayContaining([`${jingying}:3`]),
    );
    const own = all.find((a) => a.body.includes('保證金'))!;
    expect(own.data).toMatchObject({ lang: 'zh-Hant', channel: 'taobao', source: '一起惠', legacy: { mangled: true } });
    expect(own.body).toContain('這個問題');
    expect(own.body).toContain('(消保)');
    expect(report.plan?.mangled.map((m) => m.slug)).toEqual([path.basename(own.file, '.md')]);
    const channels = await readFile(path.join(dir, 'channels.yaml'), 'utf8');
    expect(channels).toBe('- slug: taobao\n  name: 淘宝\n- slug: jingying\n  name: 经营\n');
  });

  it('treats 淘寶 and 淘宝 as one channel, merges a repost, updates rebates', async () => {
    const dir = await tempDir('import-test');
    await run(dir, [fixture('taobao-simplified.txt')]);
    await run(dir, [fixture('taobao-traditional.txt')]);
    const files = await snapshot(dir);
    expect(files['channels.yaml']).toBe('- slug: taobao\n  name: 淘宝\n');
    expect(files['merchants.yaml']).toBe('- name: 京东商城\n  rebate: 60%\n- name: 网易考拉\n  rebate: 8%\n');
    const repost = articles(files).find((a) => a.body.startsWith('开网店'))!;
    expect(repost.data).toMatchObject({ date: '2019-03-01 09:00:00', views: 250, source: '一起惠返利网', channel: 'taobao' });
  });
});

describe('registries', () => {
  it('appends to channels.yaml and merchants.yaml, keeping comments, entries and order', async () => {
    const dir = await tempDir('import-test');
    await writeFile(path.join(dir, 'channels.yaml'), '# navigation order\n- slug: news\n  name: 新闻\n  description: 行业新闻。\n');
    await writeFile(path.join(dir, 'merchants.yaml'), '- name: 天猫\n  rebate: 5%\n- name: 京东商城\n  rebate: 50%\n');
    await run(dir, [fixture('taobao-traditional.txt')]);
    expect(await readFile(path.join(dir, 'channels.yaml'), 'utf8')).toBe(
      '# navigation order\n- slug: news\n  name: 新闻\n  description: 行业新闻。\n- slug: taobao\n  name: 淘宝\n',
    );
    expect(await readFile(path.join(dir, 'merchants.yaml'), 'utf8')).toBe(
      '- name: 天猫\n  rebate: 5%\n- name: 京东商城\n  rebate: 60%\n- name: 网易考拉\n  rebate: 8%\n',
    );
  });

  it('refuses to write anything when a registry is broken', async () => {
    const dir = await tempDir('import-test');
    await writeFile(path.join(dir, 'channels.yaml'), '- slug: [unclosed\n');
    const report = await run(dir, [jingying]);
    expect(report.fatal[0]).toMatchObject({ file: path.join(dir, 'channels.yaml'), message: expect.stringMatching(/not valid YAML/) });
    expect(Object.keys(await snapshot(dir))).toEqual(['channels.yaml']);
  });
});

describe('refusals and bad input', () => {
  it('skips a long-form page without a .meta.yaml or --channel/--date, saying so, and imports the rest', async () => {
    const dir = await tempDir('import-test');
    const report = await run(dir, [jingying, fixture('longform-small.txt')]);
    expect(report.fatal).toEqual([]);
    expect(report.problems).toEqual([
      {
        file: fixture('longform-small.txt'),
        field: '--channel/--date',
        message:
          'is a long-form page, which has no channel or date; skipped: put them in a .meta.yaml file beside it ' +
          '(see scripts/lib/import/README.md) or pass --channel <slug> --date <YYYY-MM-DD HH:MM:SS>',
      },
    ]);
    expect(report.plan?.created).toHaveLength(18);
  });

  it('refuses an unknown --channel slug and writes nothing', async () => {
    const dir = await tempDir('import-test');
    const report = await run(dir, [fixture('longform-small.txt')], { longform: { ...longform, channel: 'nosuch' } });
    expect(report.fatal[0]?.message).toMatch(/no channel has the slug "nosuch"/);
    expect(await snapshot(dir)).toEqual({});
  });

  it('reports each bad file by file and line, imports the rest and loses nothing', async () => {
    const dir = await tempDir('import-test');
    await mkdir(path.join(dir, 'articles/2019/01'), { recursive: true });
    const mine = '---\ntitle: 编辑的文章\ndate: 2019-01-02 03:04:05\nchannel: jingying\nviews: 1\n---\n\n正文。\n';
    await writeFile(path.join(dir, 'articles/2019/01/mine.md'), mine);
    await cp(path.join(FIXTURES, 'README.md'), path.join(dir, 'articles/notes.txt'));
    const bad = ['empty.txt', 'not-utf8.txt', 'neither.html', 'impossible-date.txt'].map(fixture);
    const report = await run(dir, [...bad, path.join(FIXTURES, 'missing.txt')]);
    const where = report.problems.map((p) => [path.basename(p.file), p.line]);
    expect(where).toEqual([
      ['empty.txt', undefined],
      ['not-utf8.txt', 1],
      ['neither.html', undefined],
      ['impossible-date.txt', 3],
      ['missing.txt', undefined],
    ]);
    expect(report.plan?.created).toHaveLength(1);
    expect(await readFile(path.join(dir, 'articles/2019/01/mine.md'), 'utf8')).toBe(mine);
    expect(await readFile(path.join(dir, 'articles/notes.txt'), 'utf8')).toContain('Importer fixtures');
  });

  it('reads the content folder as check does: no link out, loop or pipe is followed or opened, each is named', async () => {
    const dir = await tempDir('import-test');
    await mkdir(path.join(dir, 'articles/2019/01'), { recursive: true });
    await writeFile(
      path.join(dir, 'articles/2019/01/mine.md'),
      '---\ntitle: 编辑的文章\ndate: 2019-01-02\nchannel: jingying\n---\n\n正文。\n',
    );
    await symlink('.', path.join(dir, 'articles/loop'));
    await symlink('/', path.join(dir, 'articles/root'));
    expect(spawnSync('mkfifo', [path.join(dir, 'articles/pipe.md')]).status).toBe(0);
    const report = await run(dir, [jingying], { dryRun: true });
    expect(report.problems.map(formatProblem).map((m) => m.replaceAll(dir, 'content'))).toEqual([
      'warning: content/articles/loop: is a link to the folder content/articles, which is read already (a loop or a second way in): remove the link',
      'warning: content/articles/pipe.md: is a named pipe (FIFO), not an ordinary file: content holds ordinary files only; replace or remove it',
      'warning: content/articles/root: is a link to /, outside the content folder: links out of content/ are not followed; ' +
        'move or copy the files into content/articles',
    ]);
    expect(report.plan?.created).toEqual((await run(await tempDir('import-test'), [jingying], { dryRun: true })).plan?.created);
  });

  it('writes nothing through a link out of the content folder (articles/ linked elsewhere), and says so', async () => {
    const dir = await tempDir('import-test');
    const away = await tempDir('import-test');
    await symlink(away, path.join(dir, 'articles'));
    const report = await run(dir, [jingying]);
    expect(report.fatal.map(formatProblem)).toEqual([
      `${dir}/articles: is a link out of the content folder: a file written there lands where check never reads; ` +
        'move the files into content/ and remove the link',
    ]);
    expect(report.written).toEqual([]);
    expect(await readdir(away)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['articles']);
  });
});

describe('the command line', () => {
  const { CI: _, ...env } = process.env;
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  /** A scrape as it comes: pages in sub-folders, a long-form page with its .meta.yaml, one without, a README. */
  async function scrape(): Promise<string> {
    const dir = await tempDir('import-test');
    await mkdir(path.join(dir, 'shequn/longform'), { recursive: true });
    await cp(jingying, path.join(dir, 'jingying-page-8.txt'));
    await cp(shequn, path.join(dir, 'shequn/shequn-page-2.txt'));
    await cp(longformFile, path.join(dir, 'shequn/longform/shequn-longform.txt'));
    await writeFile(path.join(dir, 'shequn/longform/shequn-longform.meta.yaml'), 'channel: 社群\ndate: 2018-06-01\n');
    await cp(fixture('longform-small.txt'), path.join(dir, 'shequn/longform/no-meta.txt'));
    await cp(path.join(LEGACY, 'README.md'), path.join(dir, 'README.md'));
    return dir;
  }

  it('imports every page of a folder and its sub-folders, reports what it did and why it skipped, then writes nothing', async () => {
    const [pages, content] = [await scrape(), await tempDir('import-test')];
    // Beside the content folder, not in it (the import refuses that), and removed with the test's folders.
    const reportFile = path.join(await tempDir('import-report'), 'report.json');
    const first = await cli(pages, '--out', content, '--report', reportFile);
    expect(first.code).toBe(1); // a page was skipped
    expect(first.stderr.split('\n').filter(Boolean)).toEqual([
      `[1/4] ${path.join(pages, 'jingying-page-8.txt')}: 20 articles`,
      `[2/4] ${path.join(pages, 'shequn/longform/no-meta.txt')}: 0 articles`,
      `[3/4] ${path.join(pages, 'shequn/longform/shequn-longform.txt')}: 1 article`,
      `[4/4] ${path.join(pages, 'shequn/shequn-page-2.txt')}: 20 articles`,
    ]);
    expect(first.stdout).toContain(
      'Imported 41 article copies from 4 files:\n  38 created, 0 merged into existing, 0 unchanged, 1 skipped\n',
    );
    const noMeta = path.join(pages, 'shequn/longform/no-meta.txt');
    expect(first.stdout).toContain(`Skipped (1), and why:\n  ${noMeta} --channel/--date: is a long-form page`);
    const report = JSON.parse(await readFile(reportFile, 'utf8'));
    expect(report.pages.map((p: { format: string; skipped: boolean }) => [p.format, p.skipped])).toEqual([
      ['listing', false],
      ['longform', true],
      ['longform', false],
      ['listing', false],
    ]);
    expect(report.articles.created).toHaveLength(38);
    expect(report.skipped).toEqual([expect.objectContaining({ file: noMeta, field: '--channel/--date' })]);
    const longformArticle = articles(await snapshot(content)).find((a) => a.data.date === '2018-06-01')!;
    expect(longformArticle.data).toMatchObject({ channel: 'shequn', views: 0 });

    const before = await snapshot(content);
    const second = await cli(pages, '--out', content);
    expect(second.stdout).toContain('  0 created, 0 merged into existing, 38 unchanged, 1 skipped\n');
    expect(second.stdout).toContain('Wrote 0 files.');
    expect(await snapshot(content)).toEqual(before);
  });

  it("refuses an --out inside a content folder's articles folder, saying what to pass", async () => {
    const content = await tempDir('import-test');
    await mkdir(path.join(content, 'articles'));
    await writeFile(path.join(content, 'channels.yaml'), '- slug: jingying\n  name: 经营\n');
    const out = path.join(content, 'articles');
    const { code, stderr } = await cli(jingying, '--out', out);
    expect(code).toBe(2);
    const folder = path.relative(process.cwd(), content);
    expect(stderr.split('\n')[0]).toBe(
      `error: --out ${out} is inside the articles folder of the content folder ${folder}: the importer writes ` +
        `articles/, channels.yaml and merchants.yaml into a content folder itself. Pass --out ${folder}`,
    );
    expect(await snapshot(content)).toEqual({ 'channels.yaml': '- slug: jingying\n  name: 经营\n' });
  });

  it('refuses an --out that is not a content folder', async () => {
    const { code, stderr } = await cli(jingying, '--out', 'scripts');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(
      'error: --out scripts is not a content folder: it holds neither articles/ nor channels.yaml, merchants.yaml or glossary.yaml. ' +
        'Pass the content folder (--out content, the default) or a new or empty folder',
    );
  });

  it("refuses a --report that would replace a writer's file or sit in the content folder, and rewrites its own report", async () => {
    const content = await tempDir('import-test');
    const mine = '---\ntitle: 编辑的文章\ndate: 2019-01-02\nchannel: jingying\n---\n\n正文。\n';
    await mkdir(path.join(content, 'articles'));
    await writeFile(path.join(content, 'articles/mine.md'), mine);
    const notes = path.join(await tempDir('import-test'), 'notes.json');
    await writeFile(notes, '{"mine": true}\n');
    const article = path.join(content, 'articles/mine.md');
    const firstLines = await Promise.all(
      [article, notes].map(async (report) => {
        const { code, stderr } = await cli(jingying, '--out', content, '--dry-run', '--report', report);
        return [code, stderr.split('\n')[0]];
      }),
    );
    expect(firstLines).toEqual([
      [
        2,
        `error: --report ${article} is inside the content folder ${content}: write the report elsewhere, e.g. --report import-report.json`,
      ],
      [
        2,
        `error: --report ${notes} is a file that is not an import report, and the report would replace it: ` +
          'name a new file, e.g. --report import-report.json',
      ],
    ]);
    expect(await readFile(article, 'utf8')).toBe(mine);
    expect(await readFile(notes, 'utf8')).toBe('{"mine": true}\n');
    const report = path.join(path.dirname(notes), 'report.json');
    for (let run = 0; run < 2; run++) expect((await cli(jingying, '--out', content, '--dry-run', '--report', report)).code).toBe(0);
    expect(JSON.parse(await readFile(report, 'utf8'))).toMatchObject({ dryRun: true });
  });

  it('refuses an --out that is a file, empty, or a link to an articles folder, saying what it is', async () => {
    const content = await tempDir('import-test');
    await mkdir(path.join(content, 'articles'));
    await writeFile(path.join(content, 'channels.yaml'), '- slug: jingying\n  name: 经营\n');
    const link = path.join(await tempDir('import-test'), 'articles-link');
    await symlink(path.join(content, 'articles'), link);
    const folder = path.relative(process.cwd(), content);
    const firstLines = await Promise.all(
      [path.join(content, 'channels.yaml'), '', link].map(async (out) => (await cli(jingying, '--out', out)).stderr.split('\n')[0]),
    );
    expect(firstLines).toEqual([
      `error: --out ${path.join(content, 'channels.yaml')} is a file: name the content folder (--out content, the default) or a new folder`,
      'error: --out is empty: name the content folder (--out content, the default)',
      `error: --out ${link} is inside the articles folder of the content folder ${folder}: the importer writes ` +
        `articles/, channels.yaml and merchants.yaml into a content folder itself. Pass --out ${folder}`,
    ]);
    expect(await snapshot(content)).toEqual({ 'channels.yaml': '- slug: jingying\n  name: 经营\n' });
  });

  it.each([
    [['--chanel', 'shequn', jingying], /Unknown option '--chanel'/],
    [['--channel', 'shequn', '--date', '2019-02-30', longformFile], /--date: "2019-02-30" is not a real date/],
    [['--views=many', '--channel', 'shequn', '--date', '2019-02-03', longformFile], /--views: expected a whole number/],
    [[], /name at least one legacy page or folder/],
  ])('%j fails naming the problem', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('the better copy wins', () => {
  const traditionalFirst = async () => {
    const dir = await tempDir('import-test');
    await run(dir, [fixture('taobao-traditional.txt')]);
    const [article] = articles(await snapshot(dir)).filter((a) => a.body.startsWith('我相信網購'));
    return { dir, article: article! };
  };

  it('replaces a traditional copy imported first by its simplified original, lang included', async () => {
    const { dir, article } = await traditionalFirst();
    expect(article.data.lang).toBe('zh-Hant');
    const report = await run(dir, [jingying]);
    expect(report.plan?.replaced).toEqual([path.basename(article.file, '.md')]);
    const after = parseArticle(await readFile(path.join(dir, article.file), 'utf8'));
    expect(after.data).toMatchObject({ lang: 'zh-Hans', channel: ['taobao', 'jingying'], title: expect.stringMatching(/^我相信网购/) });
    expect(after.body).toMatch(/^我相信网购已经成为大家日常生活的一部分了/);
    expect(after.body).toContain('\n1. 无论是从何处购买商品');
    expect((await run(dir, [fixture('taobao-traditional.txt'), jingying])).written).toEqual([]);
  });

  it.each([
    ['title', (text: string) => text.replace(/^title: .*$/m, 'title: 编辑改过的标题')],
    ['summary', (text: string) => text.replace(/^summary: .*$/m, 'summary: 编辑写的摘要。')],
    ['body', (text: string) => text.replace('我相信網購', '我相信網上購物')],
  ])('keeps the traditional text when a writer edited its %s', async (_, edit) => {
    const { dir, article } = await traditionalFirst();
    const file = path.join(dir, article.file);
    const edited = edit(await readFile(file, 'utf8'));
    await writeFile(file, edited);
    const report = await run(dir, [jingying]);
    expect(report.plan?.replaced).toEqual([]);
    const after = parseArticle(await readFile(file, 'utf8'));
    expect(after.data).toMatchObject({ lang: 'zh-Hant', channel: ['taobao', 'jingying'] });
    expect(after.body).toBe(parseArticle(edited).body);
  });
});
