import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/site-data/load-content.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/new.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

async function fixture() {
  const dir = await tempDir('new-article');
  return writeContent(dir, {
    channels: [
      { slug: 'taobao', name: '淘宝' },
      { slug: 'jingying', name: '经营' },
    ],
    articles: [],
  });
}

describe('npm run new', () => {
  it('creates a valid draft named from the title, dated now in Beijing time', async () => {
    const dir = await fixture();
    const before = Date.now();
    const result = run('--channel', 'taobao', '--title', '淘宝卖家如何应对618大促', '--content', dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('/articles/tao-bao-mai-jia-ru-he-ying-dui-618-da-cu/');
    const { content, problems } = await loadContent(dir);
    expect(problems).toEqual([]);
    const [article] = content.articles;
    expect(article?.slug).toBe('tao-bao-mai-jia-ru-he-ying-dui-618-da-cu');
    expect(article?.data).toMatchObject({ title: '淘宝卖家如何应对618大促', channel: ['taobao'], views: 0, draft: true });
    // Written as Beijing wall-clock time: it reads back as an instant within this test's run.
    expect(article!.data.date.epochMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(article!.data.date.epochMs).toBeLessThanOrEqual(Date.now());
    expect(article!.file).toMatch(/articles\/\d{4}\/\d{2}\/tao-bao-mai-jia-ru-he-ying-dui-618-da-cu\.md$/);
  });

  it('writes the article with a headline too long for a phone, and says so as check would', async () => {
    const dir = await fixture();
    const title = '很长的标题'.repeat(20);
    const result = run('--channel', 'taobao', '--title', title, '--content', dir, '--slug', 'long-title');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.trim()).toBe(
      "warning: --title: is 100 characters long: a headline over 80 fills a phone's screen before the article starts; shorten it, and put the rest in the body or the summary",
    );
    const { content } = await loadContent(dir);
    expect(content.articles.map((a) => [a.slug, a.data.title])).toEqual([['long-title', title]]);
  });

  it('never overwrites: the same title twice gets a second slug', async () => {
    const dir = await fixture();
    expect(run('--channel', 'taobao,jingying', '--title', '同名', '--content', dir).status).toBe(0);
    expect(run('--channel', 'taobao', '--title', '同名', '--content', dir).status).toBe(0);
    const { content } = await loadContent(dir);
    expect(content.articles.map((a) => a.slug).sort()).toEqual(['tong-ming', 'tong-ming-2']);
    expect(content.articles.find((a) => a.slug === 'tong-ming')?.data.channel).toEqual(['taobao', 'jingying']);
  });

  it.each([
    [['--channel', 'taobo', '--title', 'x'], '--channel: unknown channel "taobo" (did you mean "taobao"?)'],
    [['--channel', 'taobao'], '--title is required'],
    [['--title', 'x'], '--channel is required'],
    [['--channel', 'taobao', '--title', 'x', '--lang', 'en'], '--lang: expected one of zh-Hans, zh-Hant, got "en"'],
    [['--chanel', 'taobao'], "Unknown option '--chanel'"],
  ])('refuses %j with a clear message and writes nothing', async (args, message) => {
    const dir = await fixture();
    const result = run(...args, '--content', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage: npm run new');
    expect(await readdir(path.join(dir, 'articles'))).toEqual([]);
  });

  const USAGE =
    'usage: npm run new -- --channel <slug>[,<slug>] --title "<title>" [--source <name>] ' +
    '[--lang zh-Hans|zh-Hant] [--slug <slug>] [--content <dir>]';
  const SLUG_RULE = 'expected lower-case letters a-z, digits and single hyphens (e.g. "jingying")';
  const NOTHING =
    'shows nothing on the zh-Hans and zh-Hant pages (only -{…}- markers, spaces or zero-width characters): ' +
    'write the headline in visible text';
  const CONTROL = (what: string) => `has an invisible control character (${what}): delete it; retype the text around it if it was pasted`;
  const NO_HANT = 'gives no zh-hant text, so that page shows the other text converted: add ;zh-hant:…';

  it.each([
    [['--slug', '../../../x'], `--slug "../../../x": ${SLUG_RULE}: try --slug x`],
    [['--slug', '/tmp/x'], `--slug "/tmp/x": ${SLUG_RULE}: try --slug tmp-x`],
    [['--slug', 'Bad_Slug'], `--slug "Bad_Slug": ${SLUG_RULE}: try --slug bad-slug`],
    [['--slug', ''], `--slug "": ${SLUG_RULE}: try --slug article`],
    [['--slug', 'a'.repeat(81)], `--slug "${'a'.repeat(81)}": is too long: a slug has at most 80 characters: try --slug ${'a'.repeat(80)}`],
    [['--channel', ','], '--channel: no channel slug in ","; name one, e.g. --channel taobao'],
    [['--source', '  '], '--source: is empty; name the source (e.g. --source 一起惠), or leave the flag out'],
    [['--title=-{}-'], `--title: ${NOTHING}`],
    [['--title', '\u200B\u2060'], `--title: ${NOTHING}`],
    [['--title', '标\u0007题'], `--title: ${CONTROL('U+0007 at character 2')}`],
    [['--title=-{zh-hans:标题}-'], `--title: "-{zh-hans:标题}-" ${NO_HANT}`],
    [['--source', '一起惠\u001B'], `--source: ${CONTROL('U+001B at character 4')}`],
  ])('never writes what check would refuse: %j', async (args, message) => {
    const dir = await fixture();
    const result = run('--channel', 'taobao', '--title', '标题', ...args, '--content', dir);
    expect(result.stderr).toBe(`${message}\n${USAGE}\n`);
    expect(result.status).toBe(2);
    expect(await readdir(path.join(dir, 'articles'))).toEqual([]);
    expect(existsSync(path.join(dir, 'x.md'))).toBe(false);
  });

  it('writes titles YAML would misread so that check reads them back as typed', async () => {
    const dir = await fixture();
    const titles = ['双11爆款 #天猫# 榜单', '重磅: 双11', '**重磅**消息', '@用户 说', '&锚 点', '"双11" 来了', "it's", '[推荐] 标题'];
    for (const title of titles)
      expect(run('--channel', 'taobao', '--title', title, '--source', '一起惠 #x', '--content', dir).status).toBe(0);
    const { content, problems } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(content.articles.map((a) => a.data.title).sort()).toEqual([...titles].sort());
    expect(content.articles.every((a) => a.data.source === '一起惠 #x')).toBe(true);
  });

  it('never writes through a link out of the content folder, nor reuses a slug of another folder', async () => {
    const dir = await fixture();
    const away = await tempDir('new-away');
    await rm(path.join(dir, 'articles'), { recursive: true, force: true });
    await symlink(away, path.join(dir, 'articles'));
    const result = run('--channel', 'taobao', '--title', '标题', '--content', dir);
    expect(result.stderr.split('\n')[0]).toBe(
      `${dir}/articles: is a link out of the content folder: a file written there lands where check never reads; ` +
        'move the articles into content/ and remove the link',
    );
    expect(await readdir(away)).toEqual([]);

    const other = await fixture();
    await mkdir(path.join(other, 'articles/2019/05'), { recursive: true });
    await writeFile(path.join(other, 'articles/2019/05/taken.md'), '---\ntitle: 旧\ndate: 2019-05-14\nchannel: taobao\n---\n\n正文。\n');
    expect(run('--channel', 'taobao', '--title', '新', '--slug', 'taken', '--content', other).status).toBe(0);
    const { content, problems } = await loadContent(other);
    expect(problems).toEqual([]);
    expect(content.articles.map((a) => a.slug).sort()).toEqual(['taken', 'taken-2']);
  });

  it('names a --content folder that does not exist, or is a file, and creates nothing', async () => {
    const missing = path.join(await tempDir('new-no-content'), 'contnet');
    const file = path.join(await fixture(), 'channels.yaml');
    const FIX = 'name the folder that holds articles/ and channels.yaml (--content <dir>, or CONTENT_DIR)';
    const first = (dir: string) => run('--channel', 'taobao', '--title', '标题', '--content', dir).stderr.split('\n')[0];
    expect([first(missing), first(file)]).toEqual([
      `${missing}: does not exist: ${FIX}`,
      `${file}: is a file, not a content folder: ${FIX}`,
    ]);
    expect(existsSync(missing)).toBe(false);
  });
});
