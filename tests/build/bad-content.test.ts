/**
 * One fixture per kind of bad input, with the exact message a writer gets: file, line where
 * known, field, what is wrong and how to fix it. Every problem of a run is reported together.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadContent } from '../../src/integrations/site-data/load-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const CHANNELS = '- slug: jingying\n  name: 经营\n- slug: shequn\n  name: 社群\n';
const good = (extra = '', body = '正文。') =>
  `---\ntitle: 标题\ndate: 2019-05-14 09:28:18\nchannel: jingying\nviews: 529\n${extra}---\n\n${body}\n`;

/**
 * Writes `files` (paths relative to the content dir) over a valid base, lets `setup` add what
 * files can't express (links, pipes), and returns the messages and the slugs that would be published.
 */
async function load(files: Record<string, string | Buffer>, setup?: (dir: string) => Promise<void>) {
  const dir = await tempDir('bad-content');
  const all: Record<string, string | Buffer> = { 'channels.yaml': CHANNELS, 'articles/2019/05/fine.md': good(), ...files };
  for (const [name, text] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await setup?.(dir);
  const read = async () => {
    const { content, problems } = await loadContent(dir);
    return { messages: problems.map((p) => formatProblem(p).replaceAll(dir, 'content')), slugs: content.articles.map((a) => a.slug) };
  };
  const first = await read();
  // Read again, the articles now from the build cache: the same messages and articles.
  expect(await read()).toEqual(first);
  return first;
}

const messages = async (files: Record<string, string | Buffer>) => (await load(files)).messages;
const NO_ARTICLES = 'is missing, so no article is published: articles go in articles/<yyyy>/<mm>/<slug>.md (npm run new makes one)';

const article = 'content/articles/2019/05/x.md';

describe('bad front-matter gets a message naming file, line, field and the fix', () => {
  it.each([
    [
      'missing title',
      '---\ndate: 2019-05-14\nchannel: jingying\n---\n正文\n',
      `${article} title: is required: the headline; add a line like "title: 淘宝卖家如何投诉"`,
    ],
    [
      'empty title',
      '---\ntitle: "  "\ndate: 2019-05-14\nchannel: jingying\n---\n正文\n',
      `${article}:2 title: must not be empty: the headline`,
    ],
    [
      'missing date',
      '---\ntitle: 标题\nchannel: jingying\n---\n正文\n',
      `${article} date: is required: the publication date; add a line like "date: 2019-05-14 09:28:18" (Beijing time)`,
    ],
    [
      'impossible date',
      '---\ntitle: 标题\ndate: 2019-02-30\nchannel: jingying\n---\n正文\n',
      `${article}:3 date: "2019-02-30" is not a real date or time (check the day of the month and the hour)`,
    ],
    [
      'unparseable date',
      '---\ntitle: 标题\ndate: 昨天\nchannel: jingying\n---\n正文\n',
      `${article}:3 date: expected a date like 2019-05-14 09:28:18, 2019-05-14 or 2019-05-14T09:28:18+08:00, got "昨天"`,
    ],
    [
      'unknown channel',
      '---\ntitle: 标题\ndate: 2019-05-14\nchannel: jinying\n---\n正文\n',
      `${article}:4 channel: unknown channel "jinying" (did you mean "jingying"?); channels are listed in content/channels.yaml`,
    ],
    ['negative views', good('').replace('views: 529', 'views: -3'), `${article}:5 views: expected a whole number >= 0, got -3`],
    ['fractional views', good('').replace('views: 529', 'views: 2.5'), `${article}:5 views: expected a whole number >= 0, got 2.5`],
    ['views as text', good('').replace('views: 529', 'views: 529 次'), `${article}:5 views: expected a whole number >= 0, got "529 次"`],
    ['unknown lang', good('lang: zh-CN\n'), `${article}:6 lang: expected one of zh-Hans, zh-Hant, got "zh-CN"`],
    [
      'front-matter that is not YAML',
      '---\ntitle: 标题\ndate: [2019\nchannel: jingying\n---\n正文\n',
      `${article}:3 date: is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]): ` +
        'close the list with ], or if it is text, put the whole value in quotes: date: "[2019"',
    ],
    [
      'front-matter never closed',
      '---\ntitle: 标题\ndate: 2019-05-14\nchannel: jingying\n\n正文\n',
      `${article}:1: the front-matter block opened on line 1 is never closed: add a line "---" after the last field`,
    ],
    [
      'no front-matter',
      '标题\n\n正文\n',
      `${article}:1: must start with a front-matter block: a line "---", then title:, date:, channel:, then "---"`,
    ],
    ['empty body', good('', ''), `${article}:7: has no text below the front-matter: write the article body`],
    [
      "a full-width colon, an input method's, after a key",
      good('').replace('views: 529', 'views：529'),
      `${article}:5 views: has the full-width colon "：" after its key; YAML needs ":" and a space: views: 529`,
    ],
    [
      'a field indented with a tab',
      good('').replace('channel: jingying', '\tchannel: jingying'),
      `${article}:4 channel: is indented with a tab: front-matter fields start at the beginning of the line; delete the tab before "channel:"`,
    ],
    [
      'a field indented under the one before',
      good('').replace('views: 529', '  views: 529'),
      `${article}:5 views: is indented: front-matter fields start at the beginning of the line; delete the spaces before "views:"`,
    ],
    [
      'a field written as a list item',
      good('').replace('views: 529', '- views: 529'),
      `${article}:5 views: starts with "- ", which makes it a list item: front-matter fields start at the beginning of the line; delete the "- " before "views:"`,
    ],
    [
      'blank lines before the front-matter',
      `\n \n${good()}`,
      `${article}:1: starts with 2 blank lines: the front-matter's "---" must be line 1; delete them`,
    ],
  ])('%s', async (_, text, expected) => {
    expect(await messages({ 'articles/2019/05/x.md': text })).toEqual([expected]);
  });

  it('names every line written with full-width colons, where YAML reads no key at all', async () => {
    expect(await messages({ 'articles/2019/05/x.md': '---\ntitle：标题\ndate：2019-05-14\nchannel：jingying\n---\n\n正文\n' })).toEqual(
      ['title: 标题', 'date: 2019-05-14', 'channel: jingying'].map(
        (fixed, i) =>
          `${article}:${i + 2} ${fixed.split(':')[0]}: has the full-width colon "：" after its key; YAML needs ":" and a space: ${fixed}`,
      ),
    );
  });

  it('takes a "---" with spaces after it, which no one sees, to open the front-matter as to close it', async () => {
    expect(await load({ 'articles/2019/05/x.md': good().replace('---\n', '--- \t\n').replace('\n---\n', '\n---  \n') })).toEqual({
      messages: [],
      slugs: ['fine', 'x'],
    });
  });

  it('warns about a headline too long for a phone, and publishes it', async () => {
    const title = '标题'.repeat(41);
    expect(await load({ 'articles/2019/05/x.md': good('').replace('title: 标题', `title: ${title}`) })).toEqual({
      messages: [
        `warning: ${article}:2 title: is 82 characters long: a headline over 80 fills a phone's screen before the article starts; shorten it, and put the rest in the body or the summary`,
      ],
      slugs: ['fine', 'x'],
    });
    expect(await messages({ 'articles/2019/05/x.md': good('').replace('title: 标题', `title: ${'标'.repeat(80)}`) })).toEqual([]);
  });

  it('names each required field of an empty front-matter', async () => {
    expect(await messages({ 'articles/2019/05/x.md': '---\n# title: 草稿\n---\n正文\n' })).toEqual([
      `${article} title: is required: the headline; add a line like "title: 淘宝卖家如何投诉"`,
      `${article} date: is required: the publication date; add a line like "date: 2019-05-14 09:28:18" (Beijing time)`,
      `${article} channel: is required: add a line like "channel: jingying" (a slug from content/channels.yaml, or a list of them)`,
    ]);
  });

  it('refuses a known key in capitals, which is not read, and suggests no key far from an unknown one', async () => {
    const text = '---\ntitle: 标题\ndate: 2019-05-14\nchannel: jingying\nDraft: true\ntags: 淘宝\n---\n正文\n';
    expect(await messages({ 'articles/2019/05/x.md': text })).toEqual([
      `${article}:5 Draft: is not read: keys are lower-case, so draft is not set; write draft:`,
      `warning: ${article}:6 tags: unknown front-matter key; it is ignored`,
    ]);
  });

  it('warns about an unknown key, naming the likely typo', async () => {
    const text = '---\ntitle: 标题\ndate: 2019-05-14\nchanel: jingying\n---\n正文\n';
    expect(await messages({ 'articles/2019/05/x.md': text })).toEqual([
      `warning: ${article}:4 chanel: unknown front-matter key (did you mean "channel"?); it is ignored`,
      `${article} channel: is required: add a line like "channel: jingying" (a slug from content/channels.yaml, or a list of them)`,
    ]);
  });

  it('rejects a YAML bomb instead of expanding it', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]}]`,
        ),
      )
      .join('\n');
    const result = await messages({ 'articles/2019/05/x.md': `---\ntitle: 标题\n${bomb}\n---\n正文\n` });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(
      /^content\/articles\/2019\/05\/x\.md: YAML aliases expand too far \(.*\); write the values out instead of using \*aliases$/,
    );
  });
});

describe('bad files', () => {
  it('lists every slug used twice, in every folder', async () => {
    expect(await messages({ 'articles/2019/06/fine.md': good() })).toEqual([
      'content/articles/2019/05/fine.md: slug "fine" is also used by content/articles/2019/06/fine.md: slugs are unique across content/articles; rename one file',
      'content/articles/2019/06/fine.md: slug "fine" is also used by content/articles/2019/05/fine.md: slugs are unique across content/articles; rename one file',
    ]);
  });

  it('lists the rest of a file that one broken field or its name leaves unpublished: its channels, its body, its slug', async () => {
    const body = '正文 [x](/articles/nosuch/) [这里](#here)\n\n![](/img/nosuch.png)\n\n有控制字符\u0001。';
    const text = `---\ntitle: 标题\ndate: 2019-05-14\nchannel: nosuch\nviews: abc\n---\n\n${body}\n`;
    const bad = 'content/articles/2019/05/Bad_Name.md';
    const twin = 'content/articles/2019/06/fine.md';
    const noPage = (url: string) =>
      `the link "${url}" goes to no page of the site: an article is at /articles/<file name>/, a channel at /<slug from channels.yaml>/`;
    expect(
      await messages({
        'articles/2019/05/x.md': text,
        'articles/2019/05/Bad_Name.md': good('', '[x](/articles/nosuch/)'),
        'articles/2019/06/fine.md': good('', '[那里](#there)').replace('views: 529', 'views: -1'),
        // A link to an article that is not valid yet is not a problem of its own: that article's are listed.
        'articles/2019/05/links-to-x.md': good('', '[见](/articles/x/)'),
      }),
    ).toEqual([
      `${bad}: the file name "Bad_Name.md" can't be a URL or a portable file name: use lower-case letters a-z, digits and hyphens, e.g. "bad-name.md"`,
      `${article}:5 views: expected a whole number >= 0, got "abc"`,
      `${article}:12: has an invisible control character (U+0001 at character 6): delete it; retype the text around it if it was pasted`,
      `${twin}:5 views: expected a whole number >= 0, got -1`,
      `${article}:4 channel: unknown channel "nosuch"; channels are listed in content/channels.yaml`,
      `content/articles/2019/05/fine.md: slug "fine" is also used by ${twin}: slugs are unique across content/articles; rename one file`,
      `${twin}: slug "fine" is also used by content/articles/2019/05/fine.md: slugs are unique across content/articles; rename one file`,
      `${bad}:8: ${noPage('/articles/nosuch/')}`,
      `${article}:8: ${noPage('/articles/nosuch/')}`,
      `${article}:8: the link "#here" goes to #here, but this article has no element with id="here": headings have no ids; mark the spot with <a id="…"></a>, or link to a footnote (#fn-1)`,
      `${article}:10: the image "/img/nosuch.png" is not a file of the site: put it in public/ (as public/img/nosuch.png) or fix the path`,
      `${twin}:8: the link "#there" goes to #there, but this article has no element with id="there": headings have no ids; mark the spot with <a id="…"></a>, or link to a footnote (#fn-1)`,
    ]);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const gbk = Buffer.concat([Buffer.from(good().split('正文')[0]!), Buffer.from([0xd5, 0xfd, 0xce, 0xc4]), Buffer.from('\n')]);
    expect(await messages({ 'articles/2019/05/x.md': gbk })).toEqual([
      `${article}:8: is not UTF-8 text: save it as UTF-8 (GBK/Big5 files must be converted, e.g. iconv -f GBK -t UTF-8)`,
    ]);
  });

  it('accepts a byte-order mark and CRLF line endings', async () => {
    expect(await messages({ 'articles/2019/05/x.md': `\uFEFF${good().replace(/\n/g, '\r\n')}` })).toEqual([]);
  });

  it('refuses a body of several MB', async () => {
    expect(await messages({ 'articles/2019/05/x.md': good('', '很长的正文。'.repeat(200_000)) })).toEqual([
      `${article}: is 3.6 MB; an article may be at most 1 MB: remove embedded data (images belong in files) or split it`,
    ]);
  });

  it.each([
    ['淘宝 卖家.md', 'tao-bao-mai-jia'],
    ['Foo_Bar.md', 'foo-bar'],
    ['a?b.md', 'a-b'],
  ])('refuses a file name that is not a URL-safe slug: %s', async (name, suggestion) => {
    expect(await messages({ [`articles/2019/05/${name}`]: good() })).toEqual([
      `content/articles/2019/05/${name}: the file name "${name.slice(0, -3)}.md" can't be a URL or a portable file name: use lower-case letters a-z, digits and hyphens, e.g. "${suggestion}.md"`,
    ]);
  });

  it('warns about files that are not articles', async () => {
    expect(await messages({ 'articles/2019/05/notes.txt': 'x' })).toEqual([
      'warning: content/articles/2019/05/notes.txt: is ignored: articles are .md files',
    ]);
  });

  it('says how to publish Markdown saved under another extension', async () => {
    expect(await messages({ 'articles/2019/05/a.MD': good(), 'articles/2019/05/b.markdown': good() })).toEqual([
      'warning: content/articles/2019/05/a.MD: is ignored: articles are .md files; to publish it, rename it to "a.md"',
      'warning: content/articles/2019/05/b.markdown: is ignored: articles are .md files; to publish it, rename it to "b.md"',
    ]);
  });

  it('reports a broken channels.yaml by line, and every bad article with it', async () => {
    expect(
      await messages({
        'channels.yaml': '- slug: jingying\n  name: 经营\n- slug: Shequn\n- slug: articles\n  name: 文章\n',
        'articles/2019/05/x.md': good('').replace('views: 529', 'views: many'),
      }),
    ).toEqual([
      'content/channels.yaml:3 [1].slug: expected lower-case letters a-z, digits and single hyphens (e.g. "jingying")',
      'content/channels.yaml:3 [1].name: is required: the channel name',
      "content/channels.yaml:4 [2].slug: is reserved for the site's own pages (articles, search, zh-hant, rss, pagefind, _astro, 404)",
      `${article}:5 views: expected a whole number >= 0, got "many"`,
    ]);
  });

  it('reports a channels.yaml that lists no channel once, and not every article with an unknown channel', async () => {
    for (const text of ['', '# 频道\n', '[]\n']) {
      expect(await messages({ 'channels.yaml': text })).toEqual([
        'content/channels.yaml: lists no channel, and every article needs one: add one, e.g. "- slug: jingying" with "  name: 经营" below it',
      ]);
    }
  });

  it('names a full-width colon in channels.yaml with the line as it should be, list item and all', async () => {
    expect(await messages({ 'channels.yaml': '- slug：jingying\n  name: 经营\n- slug: shequn\n  name：社群\n' })).toEqual([
      'content/channels.yaml:1 slug: has the full-width colon "：" after its key; YAML needs ":" and a space: - slug: jingying',
      'content/channels.yaml:4 name: has the full-width colon "：" after its key; YAML needs ":" and a space: name: 社群',
    ]);
  });

  it('names the line of each unknown key', async () => {
    expect(await messages({ 'channels.yaml': `${CHANNELS}- slug: taobao\n  name: 淘宝\n  color: red\n  icon: x\n` })).toEqual([
      'content/channels.yaml:7 [2].color: unknown key "color"',
      'content/channels.yaml:8 [2].icon: unknown key "icon"',
    ]);
  });

  it("names the line of a channel listed twice, and still checks the articles' channels against the list", async () => {
    expect(
      await messages({
        'channels.yaml': `${CHANNELS}- slug: jingying\n  name: 经营二\n`,
        'articles/2019/05/x.md': good('').replace('channel: jingying', 'channel: taobao'),
      }),
    ).toEqual([
      'content/channels.yaml:5 [2].slug: channel "jingying" is listed twice (also on line 1): remove one',
      `${article}:4 channel: unknown channel "taobao"; channels are listed in content/channels.yaml`,
    ]);
  });

  it('reports a channels.yaml that is not YAML', async () => {
    expect(await messages({ 'channels.yaml': '- slug: jingying\n  name: [经营\n' })).toEqual([
      'content/channels.yaml:2 [0].name: is not valid YAML ' +
        '(Flow sequence in block collection must be sufficiently indented and end with a ]): ' +
        'close the list with ], or if it is text, put the whole value in quotes: name: "[经营"',
    ]);
  });

  it('reports a broken glossary by line, every entry at once', async () => {
    expect(await messages({ 'glossary.yaml': '- hans: 一起惠\n  hant: 一起惠\n- hans: 发卡量\n- hans: 一起惠\n  hant: 壹起惠\n' })).toEqual(
      [
        'content/glossary.yaml:3 [1].hant: is required: the traditional form of the term (to keep a term unconverted, write the same text in hans and hant)',
        'content/glossary.yaml:4 [2].hans: hans "一起惠" is also on line 1 with hant "一起惠": a term converts one way only; keep one entry, or make both terms longer so they differ (e.g. 发卡量 and 发卡)',
      ],
    );
  });

  it('refuses a glossary form that shows nothing: the term, a headline perhaps, would vanish from one variant', async () => {
    const VANISH =
      'shows nothing (only -{…}- markers, spaces or zero-width characters), so the term would vanish from the text: ' +
      'write the traditional form of the term in visible text';
    expect(
      await messages({
        'glossary.yaml': '- hans: 开车\n  hant: "-{}-"\n',
        'articles/2019/05/x.md': good('glossary:\n  - hans: 标题\n    hant: "\\u200B"\n'),
      }),
    ).toEqual([
      `content/glossary.yaml:2 [0].hant: ${VANISH} (to keep a term unconverted, write the same text in hans and hant)`,
      `${article}:8 glossary[0].hant: ${VANISH}`,
    ]);
  });

  it('reports protection markers and article rules that would convert text wrongly', async () => {
    const rules = good('glossary:\n  - hans: 姓范\n    hant: 姓范\n  - hans: 姓范\n    hant: 姓範\n');
    const markers = good('', '他姓-{范。\n\n第二段-{zh-hans:信息;zh-hant:資訊}-，第三段-{zh-hans:信息}-');
    expect(await messages({ 'articles/2019/05/x.md': rules, 'articles/2019/05/y.md': markers })).toEqual([
      `${article}:6 glossary[1].hans: hans "姓范" is also on glossary entry 1 with hant "姓范": a term converts one way only; keep one entry, or make both terms longer so they differ (e.g. 发卡量 and 发卡)`,
      'content/articles/2019/05/y.md:8: the marker "-{范。" is not closed: end it with }-',
      'content/articles/2019/05/y.md:10: "-{zh-hans:信息}-" gives no zh-hant text, so that page shows the other text converted: add ;zh-hant:…',
    ]);
  });

  it('reports a content folder that does not exist, or is a file, once', async () => {
    const dir = await tempDir('no-content');
    const FIX = 'name the folder that holds articles/ and channels.yaml (--content <dir>, or CONTENT_DIR)';
    await writeFile(path.join(dir, 'file'), '');
    const found = await Promise.all(['missing', 'file'].map(async (name) => (await loadContent(path.join(dir, name))).problems));
    expect(found.flat().map((p) => formatProblem(p).replaceAll(dir, 'DIR'))).toEqual([
      `DIR/missing: does not exist: ${FIX}`,
      `DIR/file: is a file, not a content folder: ${FIX}`,
    ]);
  });

  it('names an entry written without its colon, in channels.yaml and merchants.yaml, saying how to write fields', async () => {
    expect(await messages({ 'channels.yaml': `${CHANNELS}- slug kuajing\n`, 'merchants.yaml': '- name 淘宝\n' })).toEqual([
      'content/channels.yaml:5 [2]: is the text "slug kuajing", not fields: write each field on a line of its own as "key: value", a colon and a space after the key',
      'content/merchants.yaml:1 [0]: is the text "name 淘宝", not fields: write each field on a line of its own as "key: value", a colon and a space after the key',
    ]);
  });

  it('reports a missing channels.yaml', async () => {
    const dir = await tempDir('no-channels');
    const { problems } = await loadContent(dir);
    expect(problems.map((p) => formatProblem(p).replaceAll(dir, 'content'))).toEqual([
      'content/channels.yaml: is missing',
      `warning: content/articles: ${NO_ARTICLES}`,
    ]);
  });

  it('warns that no article is published without articles/, naming a folder that differs in case only', async () => {
    const { messages, slugs } = await load({ 'Articles/2019/05/moved.md': good() }, (dir) =>
      rm(path.join(dir, 'articles'), { recursive: true }),
    );
    expect(slugs).toEqual([]);
    expect(messages).toEqual([
      `warning: content/articles: ${NO_ARTICLES}; "Articles" is not it (names are case-sensitive): rename it to "articles"`,
    ]);
  });
});

describe('files and folders under articles/: reported by name, never followed blindly', () => {
  const LEAVES = 'outside the content folder: links out of content/ are not followed; move or copy the files into content/articles';
  const READ = (folder: string) => `is a link to the folder ${folder}, which is read already (a loop or a second way in): remove the link`;
  const SPECIAL = (kind: string) => `is ${kind}, not an ordinary file: content holds ordinary files only; replace or remove it`;
  const HIDDEN = 'is not published: a name starting with "." is hidden; to publish it, rename it';

  it('never follows a link out of the content folder, whatever it points to', async () => {
    const away = await tempDir('outside-content');
    await writeFile(path.join(away, 'leak.md'), good());
    const { messages: found, slugs } = await load({}, async (dir) => {
      await symlink(away, path.join(dir, 'articles/elsewhere'));
      await symlink(path.join(away, 'leak.md'), path.join(dir, 'articles/leak.md'));
      await symlink('/', path.join(dir, 'articles/root'));
      await symlink('/dev/zero', path.join(dir, 'articles/zero.md'));
    });
    expect(found.map((m) => m.replaceAll(away, 'OUTSIDE'))).toEqual([
      `content/articles/elsewhere: is a link to OUTSIDE, ${LEAVES}`,
      `content/articles/leak.md: is a link to OUTSIDE/leak.md, ${LEAVES}`,
      `content/articles/root: is a link to /, ${LEAVES}`,
      `content/articles/zero.md: is a link to /dev/zero, ${LEAVES}`,
    ]);
    expect(slugs).toEqual(['fine']);
  });

  it('refuses a link out of content/ for the articles folder itself', async () => {
    const away = await tempDir('outside-content');
    await writeFile(path.join(away, 'leak.md'), good());
    const { messages: found, slugs } = await load({}, async (dir) => {
      await rm(path.join(dir, 'articles'), { recursive: true });
      await symlink(away, path.join(dir, 'articles'));
    });
    expect(found.map((m) => m.replaceAll(away, 'OUTSIDE'))).toEqual([`content/articles: is a link to OUTSIDE, ${LEAVES}`]);
    expect(slugs).toEqual([]);
  });

  it('reports dangling links and loops instead of crashing', async () => {
    const { messages: found, slugs } = await load({}, async (dir) => {
      await symlink('..', path.join(dir, 'articles/2019/05/up'));
      await symlink('no-such.md', path.join(dir, 'articles/gone.md'));
      await symlink('.', path.join(dir, 'articles/here'));
      await symlink('self.md', path.join(dir, 'articles/self.md'));
    });
    expect(found).toEqual([
      `content/articles/2019/05/up: ${READ('content/articles/2019')}`,
      'content/articles/gone.md: is a link to no-such.md, which does not exist: remove the link, or put the file itself here',
      `content/articles/here: ${READ('content/articles')}`,
      'content/articles/self.md: is a link to self.md, which leads back to itself (a loop): remove the link',
    ]);
    expect(slugs).toEqual(['fine']);
  });

  it('follows a link that stays inside content/, reading each folder and each article once', async () => {
    const { messages: found, slugs } = await load({ 'shared/y.md': good(), 'other/z.md': good() }, async (dir) => {
      // Comes before 2019/ in the walk: the link is still the second way in, not the folder.
      await symlink('2019', path.join(dir, 'articles/0-old'));
      await symlink('2019', path.join(dir, 'articles/again'));
      await symlink('../shared', path.join(dir, 'articles/shared'));
      // A file linked from a folder read anyway: one article at two addresses. Read first here
      // (a-twin sorts before 2019/), then the second way in is still the link.
      await symlink('2019/05/fine.md', path.join(dir, 'articles/a-twin.md'));
      // A file read through no other way: an article of the link's name.
      await symlink('../../other/z.md', path.join(dir, 'articles/2019/zed.md'));
    });
    const TWICE =
      'is a link to the article content/articles/2019/05/fine.md, which is read already (one article at two addresses): remove the link';
    expect(found).toEqual([
      `content/articles/0-old: ${READ('content/articles/2019')}`,
      `content/articles/a-twin.md: ${TWICE}`,
      `content/articles/again: ${READ('content/articles/2019')}`,
    ]);
    expect(slugs).toEqual(['fine', 'zed', 'y']);
  });

  it('refuses a named pipe without opening it (reading one waits forever)', async () => {
    const { messages: found } = await load({}, async (dir) => {
      expect(spawnSync('mkfifo', [path.join(dir, 'articles/pipe.md')]).status).toBe(0);
    });
    expect(found).toEqual([`content/articles/pipe.md: ${SPECIAL('a named pipe (FIFO)')}`]);
  });

  it('refuses a registry that is a device', async () => {
    const { messages: found } = await load({}, async (dir) => {
      await rm(path.join(dir, 'channels.yaml'));
      await symlink('/dev/zero', path.join(dir, 'channels.yaml'));
    });
    expect(found).toEqual([`content/channels.yaml: ${SPECIAL('a device')}`]);
  });

  it('reports an articles "folder" that is a file', async () => {
    const { messages: found } = await load({}, async (dir) => {
      await rm(path.join(dir, 'articles'), { recursive: true });
      await writeFile(path.join(dir, 'articles'), good());
    });
    expect(found).toEqual(['content/articles: is a file where a folder belongs: articles go in the folder content/articles']);
  });

  it('reads a folder named like an article as a folder', async () => {
    const { messages: found, slugs } = await load({ 'articles/x.md/y.md': good() });
    expect(found).toEqual([]);
    expect(slugs).toEqual(['fine', 'y']);
  });

  it('skips hidden files and folders, warning about a hidden article', async () => {
    const { messages: found, slugs } = await load({
      'articles/.trash/old.md': good(),
      'articles/.obsidian/workspace.json': '{}',
      'articles/.DS_Store': 'x',
      'articles/2019/.md': good(),
      'articles/2019/.x.md': good(),
      // A name that is hidden and not a slug either: the fix is one that is published.
      'articles/2019/.Draft Copy.md': good(),
      'articles/2019/._wei.md': good(),
    });
    expect(found).toEqual([
      `warning: content/articles/2019/.Draft Copy.md: ${HIDDEN} to "draft-copy.md"`,
      `warning: content/articles/2019/._wei.md: ${HIDDEN} to "wei.md"`,
      `warning: content/articles/2019/.md: ${HIDDEN} after the article, e.g. "taobao-618.md"`,
      `warning: content/articles/2019/.x.md: ${HIDDEN} to "x.md"`,
    ]);
    expect(slugs).toEqual(['fine']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder and a file it may not read', async () => {
    const { messages: found } = await load({ 'articles/locked/a.md': good(), 'articles/secret.md': good() }, async (dir) => {
      await chmod(path.join(dir, 'articles/locked'), 0);
      await chmod(path.join(dir, 'articles/secret.md'), 0);
      // Readable again afterwards, so that the temporary folder can be removed.
      onTestFinished(() => chmod(path.join(dir, 'articles/locked'), 0o755));
    });
    expect(found).toEqual([
      "content/articles/locked: can't be read (permission denied): make it readable (chmod u+rwX) or move it out of content/",
      "content/articles/secret.md: can't be read (permission denied): make it readable (chmod u+rwX) or move it out of content/",
    ]);
  });
});

describe('careless front-matter: the field, the line and the fix', () => {
  const titled = (title: string, extra = '') => good(extra).replace('title: 标题', `title: ${title}`);
  const QUOTE = 'put the whole value in quotes: title:';
  const RESERVED = (char: string) =>
    `title: is not valid YAML (Plain value cannot start with reserved character ${char}): ` +
    `a value starting with ${char} needs quotes; ${QUOTE}`;
  const UNEXPECTED = 'title: is not valid YAML (Unexpected scalar at node end):';

  it.each([
    [
      'a colon',
      '重磅: 双11',
      `title: is not valid YAML (Nested mappings are not allowed in compact mappings): a value with ": " needs quotes; ${QUOTE} "重磅: 双11"`,
    ],
    ['a leading @', '@用户 说', `${RESERVED('@')} "@用户 说"`],
    ['a leading backtick', '`code` 标题', `${RESERVED('`')} "\`code\` 标题"`],
    [
      'a leading !',
      '!重要 消息',
      'title: is not valid YAML (Tags and anchors must be separated from the next token by white space): ' +
        `a value starting with ! needs quotes; ${QUOTE} "!重要 消息"`,
    ],
    ['a leading [', '[推荐] 标题', `${UNEXPECTED} a value starting with [ needs quotes; ${QUOTE} "[推荐] 标题"`],
    [
      'an open {',
      '{x',
      'title: is not valid YAML (Flow map in block collection must be sufficiently indented and end with a }): ' +
        `close the map with }, or if it is text, ${QUOTE} "{x"`,
    ],
    ['text after quotes', '"双11" 来了', `${UNEXPECTED} nothing may follow the closing quote; ${QUOTE} '"双11" 来了'`],
    ['Markdown bold', '**重磅**消息', `title: "**重磅**消息" starts with "*", which YAML reads as a reference: ${QUOTE} "**重磅**消息"`],
    ['a leading *', '*重磅', `title: "*重磅" starts with "*", which YAML reads as a reference: ${QUOTE} "*重磅"`],
    ['nothing', '', 'title: must not be empty: the headline'],
    [
      'an opening quote and no closing one',
      '"双11 来了',
      `title: is not valid YAML (Missing closing "quote): the closing quote is missing; ${QUOTE} "双11 来了"`,
    ],
  ])('a title with %s', async (_, title, expected) => {
    expect(await messages({ 'articles/2019/05/x.md': titled(title) })).toEqual([`${article}:2 ${expected}`]);
  });

  it('warns when YAML silently cuts a text short, and only then', async () => {
    const COMMENT = '" #" and what follows are read as a YAML comment, so it reads';
    const text = titled('双11爆款 #天猫# 榜单', 'summary: 一句话 #话题# 结尾\nsource: 一起惠 #x\n').replace(
      'views: 529',
      'views: 529 # legacy',
    );
    expect(
      await messages({
        'articles/2019/05/x.md': text,
        'articles/2019/05/y.md': titled('&重磅 消息'),
        'articles/2019/05/z.md': titled('"双11爆款 #天猫# 榜单"', "summary: '#话题# 开头'\nsource: 一起惠#x\n"),
      }),
    ).toEqual([
      `warning: ${article}:2 title: ${COMMENT} "双11爆款": ${QUOTE} "双11爆款 #天猫# 榜单"`,
      `warning: ${article}:6 summary: ${COMMENT} "一句话": put the whole value in quotes: summary: "一句话 #话题# 结尾"`,
      `warning: ${article}:7 source: ${COMMENT} "一起惠": put the whole value in quotes: source: "一起惠 #x"`,
      `warning: content/articles/2019/05/y.md:2 title: "&重磅" is read as a YAML anchor and left out, so it reads "消息": ${QUOTE} "&重磅 消息"`,
    ]);
  });

  it('names a field given twice, in an article and in a registry, instead of suggesting quotes', async () => {
    expect(
      await messages({
        'articles/2019/05/x.md': good('channel: shequn\n'),
        'channels.yaml': `${CHANNELS}- slug: taobao\n  name: 淘宝\n  name: 天猫\n`,
      }),
    ).toEqual([
      'content/channels.yaml:6 [2].name: is given twice (again on line 7): keep one of the two lines',
      `${article}:4 channel: is given twice (again on line 6): keep one of the two lines`,
    ]);
  });

  it('quotes the text as typed when the value is on the lines below its key', async () => {
    const COMMENT = '" #" and what follows are read as a YAML comment, so it reads';
    expect(
      await messages({
        'articles/2019/05/x.md': titled('\n  双11 #天猫', 'summary:\n  第一行\n  第二行 #话题\n'),
        'articles/2019/05/y.md': titled('\n  *星号开头'),
      }),
    ).toEqual([
      `warning: ${article}:2 title: ${COMMENT} "双11": ${QUOTE} "双11 #天猫"`,
      `warning: ${article}:7 summary: ${COMMENT} "第一行 第二行": put the whole value in quotes: summary: "第一行 第二行 #话题"`,
      'content/articles/2019/05/y.md:2 title: "*星号开头" starts with "*", which YAML reads as a reference: put the whole value in quotes: ' +
        'title: "*星号开头"',
    ]);
  });

  it.each([
    [
      'an impossible offset',
      '2019-05-14T09:28:18+99:99',
      '"2019-05-14T09:28:18+99:99" has the UTC offset +99:99, which no place uses ' +
        '(offsets are at most ±14:00, minutes under 60): write +08:00 for Beijing time, or leave the offset out',
    ],
    ['a year with a digit missing', '0999-01-01', '"0999-01-01" is in the year 999: archive dates are from 1990 to 2100; check the year'],
    ['a year with digits swapped', '2109-05-14', '"2109-05-14" is in the year 2109: archive dates are from 1990 to 2100; check the year'],
  ])('a date with %s', async (_, date, expected) => {
    const text = good().replace('2019-05-14 09:28:18', date);
    expect(await messages({ 'articles/2019/05/x.md': text })).toEqual([`${article}:3 date: ${expected}`]);
  });

  it('says a blank source must be written or left out', async () => {
    expect(await messages({ 'articles/2019/05/x.md': good('source: "  "\nsummary:\n') })).toEqual([
      `${article}:6 source: must not be empty: where the article came from (e.g. 一起惠); write it, or delete the line`,
      `${article}:7 summary: must not be empty: one or two sentences about the article; write it, or delete the line`,
    ]);
  });

  it.each([
    [`${'a'.repeat(40)}-${'b'.repeat(40)}`, 'a'.repeat(40)],
    ['a'.repeat(81), 'a'.repeat(80)],
  ])('suggests a file name short enough for %s', async (slug, suggestion) => {
    expect(await messages({ [`articles/2019/05/${slug}.md`]: good() })).toEqual([
      `content/articles/2019/05/${slug}.md: the file name "${slug}.md" is 81 characters long; ` +
        `a slug has at most 80: rename it, e.g. "${suggestion}.md"`,
    ]);
  });
});

describe('text shown as written: no control characters, never empty in a variant', () => {
  const CONTROL = 'has an invisible control character';
  const DELETE = 'delete it; retype the text around it if it was pasted';

  it('reports control characters in any text field, each with its position', async () => {
    expect(
      await messages({
        'articles/2019/05/x.md': good('summary: 一句\u0085话\nsource: "一起惠\\x7F"\n').replace('title: 标题', 'title: 标\u0007题\u0001'),
        'articles/2019/05/y.md': good().replace('title: 标题', 'title: "标\\0题\\ud800"'),
        'channels.yaml': `${CHANNELS}- slug: taobao\n  name: "淘\\e宝"\n  description: "说明\\uFFFE"\n`,
        'merchants.yaml': '- name: "京东\\uFFFF"\n  rebate: 56%\n',
      }),
    ).toEqual([
      `content/channels.yaml:6 [2].name: ${CONTROL} (U+001B at character 2): ${DELETE}`,
      `content/channels.yaml:7 [2].description: ${CONTROL} (U+FFFE at character 3): ${DELETE}`,
      `content/merchants.yaml:1 [0].name: ${CONTROL} (U+FFFF at character 3): ${DELETE}`,
      `${article}:2 title: ${CONTROL} (U+0007 at character 2, U+0001 at character 4): ${DELETE}`,
      `${article}:7 source: ${CONTROL} (U+007F at character 4): ${DELETE}`,
      `${article}:6 summary: ${CONTROL} (U+0085 at character 3): ${DELETE}`,
      `content/articles/2019/05/y.md:2 title: ${CONTROL} (U+0000 at character 2, U+D800 at character 4): ${DELETE}`,
    ]);
  });

  it('reports control characters in a body by line, and takes carriage returns for line ends', async () => {
    const body = '第一行\r\n第二\u0000行\r\n\r\n第\u0007四\u001B行';
    expect(await messages({ 'articles/2019/05/x.md': good('', body) })).toEqual([
      `${article}:9: has an invisible control character (U+0000 at character 3): delete it; retype the text around it if it was pasted`,
      `${article}:11: has an invisible control character (U+0007 at character 2, U+001B at character 4): ` +
        'delete it; retype the text around it if it was pasted',
    ]);
  });

  it('accepts tabs, newlines and ordinary Unicode (emoji, CJK extension B) in text', async () => {
    expect(await messages({ 'articles/2019/05/x.md': good('summary: "一句\\t话\\n😀𠀀"\n') })).toEqual([]);
  });

  const NOTHING = (pages: string, what: string) =>
    `shows nothing on the ${pages} (only -{…}- markers, spaces or zero-width characters): write ${what} in visible text`;

  it.each([
    ['only an empty marker', '-{}-', NOTHING('zh-Hans and zh-Hant pages', 'the headline')],
    ['only zero-width characters', '"\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u3000"', NOTHING('zh-Hans and zh-Hant pages', 'the headline')],
    [
      'a soft hyphen, a Hangul filler and combining marks',
      '"\\u00AD\\u3164\\u0301\\u2800"',
      NOTHING('zh-Hans and zh-Hant pages', 'the headline'),
    ],
    ['a marker empty in one variant', '-{zh-hans:;zh-hant:標題}-', NOTHING('zh-Hans page', 'the headline')],
    ['a marker of spaces', '"-{ }- -{zh-hans:\\u200B;zh-hant:\\u200B}-"', NOTHING('zh-Hans and zh-Hant pages', 'the headline')],
  ])('refuses a headline with %s', async (_, title, expected) => {
    const text = good().replace('title: 标题', `title: ${title}`);
    expect(await messages({ 'articles/2019/05/x.md': text })).toEqual([`${article}:2 title: ${expected}`]);
  });

  it('checks the markers of channel and merchant names like those of titles', async () => {
    expect(
      await messages({
        'channels.yaml': `${CHANNELS}- slug: taobao\n  name: -{}-\n- slug: jd\n  name: -{zh-hans:京东}-\n  description: 京东-{频道\n`,
        'merchants.yaml': '- name: "\\u200B"\n  rebate: 56%\n',
      }),
    ).toEqual([
      `content/channels.yaml:6 [2].name: ${NOTHING('zh-Hans and zh-Hant pages', 'the channel name')}`,
      'content/channels.yaml:8 [3].name: "-{zh-hans:京东}-" gives no zh-hant text, ' +
        'so that page shows the other text converted: add ;zh-hant:…',
      'content/channels.yaml:9 [3].description: the marker "-{频道" is not closed: end it with }-',
      `content/merchants.yaml:1 [0].name: ${NOTHING('zh-Hans and zh-Hant pages', 'the merchant name')}`,
    ]);
  });
});

describe('bodies the build could not render are refused, with the line and what to change', () => {
  it.each([
    [
      '2,000 nested quotes',
      `前言\n\n${'>'.repeat(2000)} 引文`,
      `${article}:10: the line starts with 2,001 characters of indentation, > and list markers (at most 400): quotes and lists nest at most 100 deep; flatten them`,
    ],
    [
      '150 nested quotes',
      `前言\n\n${'>'.repeat(150)} 引文`,
      `${article}:10: quotes, lists, emphasis or HTML elements nest 152 deep here (at most 100): the build cannot render deeper nesting; flatten it (close HTML elements you open)`,
    ],
    [
      'a list nested 120 deep',
      Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n'),
      `${article}:57: quotes, lists, emphasis or HTML elements nest 242 deep here (at most 100): the build cannot render deeper nesting; flatten it (close HTML elements you open)`,
    ],
    [
      '2,000 nested HTML elements',
      `正文\n\n${'<div>'.repeat(2000)}文字`,
      `${article}:10: quotes, lists, emphasis or HTML elements nest 2,001 deep here (at most 100): the build cannot render deeper nesting; flatten it (close HTML elements you open)`,
    ],
    [
      '2,000 <command> elements, void to one HTML parser and nested by the other',
      `正文\n\n${'<command>'.repeat(2000)}文字`,
      `${article}:10: quotes, lists, emphasis or HTML elements nest 2,002 deep here (at most 100): the build cannot render deeper nesting; flatten it (close HTML elements you open)`,
    ],
    [
      '2,000 HTML elements opened and closed in one block',
      `正文\n\n${'<div>'.repeat(2000)}文字${'</div>'.repeat(2000)}`,
      `${article}:10: quotes, lists, emphasis or HTML elements nest 2,001 deep here (at most 100): the build cannot render deeper nesting; flatten it (close HTML elements you open)`,
    ],
  ])('%s', async (_, body, expected) => {
    expect(await messages({ 'articles/2019/05/x.md': good('', body) })).toEqual([expected]);
  });

  it('refuses 100 KB of emphasis runs, per paragraph and for the whole body', async () => {
    expect(await messages({ 'articles/2019/05/x.md': good('', `前言\n\n${'*强调* '.repeat(20_000)}`) })).toEqual([
      `${article}:7: the body has 40,000 of the characters * _ ] (at most 10,000): write \\* \\_ \\] for the characters themselves, put data in a \`\`\` code block, or split the article`,
      `${article}:10: this paragraph has 40,000 of the characters * _ ] (at most 1,000): parsing them takes time that grows with the square of their number; split the paragraph with blank lines, write \\* \\_ \\] for the characters themselves, or put the text in a \`\`\` code block`,
    ]);
  });

  it('refuses a body within those limits that still takes longer than the budget to render (1 MB of list items)', async () => {
    expect(await messages({ 'articles/2019/05/x.md': good('', '- 项目\n'.repeat(99_000)) })).toEqual([
      `${article}:7: the body takes longer than 10 s to render (a normal one takes a few ms): split the article, or break up very long lists and tables`,
    ]);
  });

  it('refuses a small body whose raw HTML the parser reopens in every paragraph (formatting elements left open)', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `<p><b class="c${i}"></p>`).join('');
    expect(await messages({ 'articles/2019/05/x.md': good('', body) })).toEqual([
      `${article}:7: the body takes longer than 10 s to render (a normal one takes a few ms): split the article, or break up very long lists and tables`,
    ]);
  });

  it('accepts the same characters escaped or in a code block', async () => {
    const body = `${'\\*'.repeat(2000)}\n\n\`\`\`\n${'**'.repeat(2000)}\n\`\`\``;
    expect(await messages({ 'articles/2019/05/x.md': good('', body) })).toEqual([]);
  });
});

describe('links in a body are resolved against the content, by source file and line', () => {
  const links = [
    '[文章](/articles/fine/) [繁体](/zh-hant/jingying/) [相对](../fine/) [外站](https://www.jd.com/) [邮件](mailto:a@b.cn)',
    '[图标](/favicon.svg) [注释](#fn-1) <a id="here"></a>[这里](#here) [频道订阅](/jingying/rss.xml)[^1]',
    '',
    '[^1]: 注释。',
  ].join('\n');

  it('accepts links to pages, files and anchors that exist', async () => {
    expect(await messages({ 'articles/2019/05/x.md': good('', links) })).toEqual([]);
  });

  it("accepts links to the site's own files outside the variants (robots.txt, the 404 page, the sitemap)", async () => {
    const body = '[robots](/robots.txt) [404](/404.html) [地图](/sitemap-index.xml)';
    expect(await messages({ 'articles/2019/05/x.md': good('', body) })).toEqual([]);
  });

  it('warns of links and images the page will not keep (javascript:, data:, tel:), by line', async () => {
    const body = ['[点我](javascript:alert(1)) [电话](tel:10086)', '', '![图](data:image/png;base64,AAAA)'].join('\n');
    const removed = (what: string, url: string, scheme: string, kept: string) =>
      `warning: ${article}:%s ${what} "${url}" is removed from the page: a ${scheme}: address is not kept (only ${kept}); ` +
      'write a web address or remove it';
    expect(await messages({ 'articles/2019/05/x.md': good('', body) })).toEqual([
      removed('the link', 'javascript:alert(1)', 'javascript', 'http, https, mailto').replace('%s', '8:'),
      removed('the link', 'tel:10086', 'tel', 'http, https, mailto').replace('%s', '8:'),
      removed('the image', 'data:image/png;base64,AAAA', 'data', 'http, https').replace('%s', '10:'),
    ]);
  });

  it('names each broken link with its line and a fix', async () => {
    const body = [
      '见[一篇](/articles/no-such/)和[频道](/nochannel/)。',
      '![图](/images/none.png)',
      '[不存在](#nowhere) [少斜杠](/articles/fine)',
      '<p><a href="/zh-hant/articles/fin/">繁体</a></p>',
      '',
      '[草稿](/articles/later/) [坏的](/articles/%E4%/) [近似](/jinying/)',
    ].join('\n');
    const draft = good('draft: true\n', '草稿正文。');
    expect(await messages({ 'articles/2019/05/x.md': good('', body), 'articles/2019/05/later.md': draft })).toEqual([
      `${article}:8: the link "/articles/no-such/" goes to no page of the site: an article is at /articles/<file name>/, a channel at /<slug from channels.yaml>/`,
      `${article}:8: the link "/nochannel/" goes to no page of the site: an article is at /articles/<file name>/, a channel at /<slug from channels.yaml>/`,
      `${article}:9: the image "/images/none.png" is not a file of the site: put it in public/ (as public/images/none.png) or fix the path`,
      `${article}:10: the link "#nowhere" goes to #nowhere, but this article has no element with id="nowhere": headings have no ids; mark the spot with <a id="…"></a>, or link to a footnote (#fn-1)`,
      `${article}:10: the link "/articles/fine" lacks the trailing slash: write /articles/fine/`,
      `${article}:11: the link "/zh-hant/articles/fin/" goes to no page of the site (did you mean /zh-hant/articles/fine/?)`,
      `${article}:13: the link "/articles/later/" goes to a draft, which is not published: publish that article (delete its "draft: true") or remove the link`,
      `${article}:13: the link "/articles/%E4%/" has a malformed percent-escape: % must be followed by two hex digits`,
      `${article}:13: the link "/jinying/" goes to no page of the site (did you mean /jingying/?)`,
    ]);
  });
});
