/**
 * checkSite over small synthetic sites: a good one with no problems, then one planted problem
 * per scenario, with the exact problems expected (links, twins, orphans, html-validate).
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSite, type PageProblem } from '../../../scripts/lib/site-checks/index.ts';
import { FOLDERS, ORIGIN, syntheticSite, writeTree, type Tree } from './synthetic-site.ts';

/** 2 channels of 3 articles, 2 a page: 12 pages a variant. */
const SHAPE = { channels: 2, articlesPerChannel: 3, pageSize: 2 };

/** Replaces `from` in one file, failing loudly if it is not there so no scenario is a no-op. */
function edit(tree: Tree, file: string, from: string, to: string): void {
  const text = tree.get(file);
  if (text === undefined || !text.includes(from)) throw new Error(`scenario setup: ${file} has no ${JSON.stringify(from)}`);
  tree.set(file, text.replace(from, to));
}
const addToMain = (tree: Tree, file: string, html: string) => edit(tree, file, '</main>', `${html}\n</main>`);
const addToHead = (tree: Tree, file: string, html: string) => edit(tree, file, '</head>', `${html}\n</head>`);

const broken = (page: string, via: string, link: string, file: string): PageProblem => ({
  page,
  link,
  message: `<${via}="${link}"> is broken: no ${file} in the built site`,
});

const NOT_XML = 'is not well-formed XML, so feed readers and search engines reject all of it: ';

interface Scenario {
  name: string;
  plant: (tree: Tree) => void;
  expected: PageProblem[];
}

const scenarios: Scenario[] = [
  { name: 'a good site', plant: () => {}, expected: [] },
  {
    name: 'links that resolve: query strings, own-origin URLs, fragments, #top, other origins and schemes',
    plant: (tree) =>
      addToMain(
        tree,
        'channel0/1/index.html',
        `<p><a href="/articles/c0-article0/?from=nav">带查询</a> <a href="${ORIGIN}/articles/c0-article1/">绝对</a> ` +
          `<a href="../2/#top">下页</a> <a href="/articles/c0-article2/#comments">评论</a> ` +
          `<a href="https://example.com/nothing/">外站</a> <a href="mailto:editor@example.com">来信</a></p>`,
      ),
    expected: [],
  },
  {
    name: 'a broken link in an article',
    plant: (tree) => addToMain(tree, 'articles/c0-article1/index.html', '<p><a href="/articles/c9-article9/">相关</a></p>'),
    expected: [broken('/articles/c0-article1/', 'a href', '/articles/c9-article9/', 'articles/c9-article9/index.html')],
  },
  {
    name: 'broken links of every kind, each reported once per page',
    plant: (tree) => {
      addToHead(tree, 'zh-hant/channel0/2/index.html', '<link rel="stylesheet" href="/_astro/missing.css">');
      edit(tree, 'zh-hant/channel0/2/index.html', `${ORIGIN}/og.png`, `${ORIGIN}/og-missing.png`);
      addToMain(
        tree,
        'zh-hant/channel0/2/index.html',
        `<p><a href="../3/">相对</a> <a href="${ORIGIN}/zh-hant/articles/nope/">绝对</a> <a href="/zh-hant/channel0/1">无斜线</a></p>
<p><a href="/articles/%E4%B8%AD%E6%96%87/">中文</a> <a href="/articles/%E4%ZZ/">坏转义</a> <a href="../3/">重复</a></p>
<p><img src="/images/missing.png" alt="缺图" width="10" height="10"> <img src="/logo.png" srcset="/logo.png 1x, /logo-3x.png 3x" alt="标志" width="10" height="10"></p>`,
      );
    },
    expected: [
      broken('/zh-hant/channel0/2/', 'meta content', `${ORIGIN}/og-missing.png`, 'og-missing.png'),
      broken('/zh-hant/channel0/2/', 'link href', '/_astro/missing.css', '_astro/missing.css'),
      broken('/zh-hant/channel0/2/', 'a href', '../3/', 'zh-hant/channel0/3/index.html'),
      broken('/zh-hant/channel0/2/', 'a href', `${ORIGIN}/zh-hant/articles/nope/`, 'zh-hant/articles/nope/index.html'),
      {
        page: '/zh-hant/channel0/2/',
        link: '/zh-hant/channel0/1',
        message: '<a href="/zh-hant/channel0/1"> lacks the trailing slash: write /zh-hant/channel0/1/ (pages are folders)',
      },
      broken('/zh-hant/channel0/2/', 'a href', '/articles/%E4%B8%AD%E6%96%87/', 'articles/中文/index.html'),
      {
        page: '/zh-hant/channel0/2/',
        link: '/articles/%E4%ZZ/',
        message: '<a href="/articles/%E4%ZZ/"> has a malformed percent-escape (% must be followed by two hex digits of UTF-8)',
      },
      broken('/zh-hant/channel0/2/', 'img src', '/images/missing.png', 'images/missing.png'),
      broken('/zh-hant/channel0/2/', 'img srcset', '/logo-3x.png', 'logo-3x.png'),
    ],
  },
  {
    name: 'a page missing in zh-hant: the twin check and the links to it',
    plant: (tree) => tree.delete('zh-hant/articles/c1-article2/index.html'),
    expected: [
      broken('/articles/c1-article2/', 'link href', `${ORIGIN}/zh-hant/articles/c1-article2/`, 'zh-hant/articles/c1-article2/index.html'),
      broken('/articles/c1-article2/', 'a href', '/zh-hant/articles/c1-article2/', 'zh-hant/articles/c1-article2/index.html'),
      broken('/zh-hant/channel1/2/', 'a href', '/zh-hant/articles/c1-article2/', 'zh-hant/articles/c1-article2/index.html'),
      {
        page: '/articles/c1-article2/',
        message:
          'has no twin in the zh-hant variant: /zh-hant/articles/c1-article2/ is missing (build zh-hant/articles/c1-article2/index.html)',
      },
    ],
  },
  {
    name: 'a zh-hant page without its root twin, linked from nowhere in the root variant',
    plant: (tree) => {
      tree.set('zh-hant/about/index.html', tree.get('zh-hant/articles/c0-article0/index.html')!);
      addToMain(tree, 'zh-hant/index.html', '<p><a href="/zh-hant/about/">关于</a></p>');
    },
    expected: [
      // The copied page's own links still point at /articles/c0-article0/, so only the twin is missing.
      {
        page: '/zh-hant/about/',
        message: 'has no twin in the root variant: /about/ is missing (build about/index.html)',
      },
    ],
  },
  {
    name: 'articles no listing links to are orphans, even though they link to each other',
    plant: (tree) => {
      for (const folder of ['', 'zh-hant/']) {
        const href = `/${folder}articles/c1-article2/`;
        edit(tree, `${folder}channel1/2/index.html`, `<li><a href="${href}">文章2</a></li>`, '<li>文章2</li>');
      }
    },
    expected: ['/articles/c1-article2/', '/zh-hant/articles/c1-article2/'].map((page) => ({
      page,
      message: 'is an orphan: no chain of links from / reaches it; link it from a listing, the navigation or its twin',
    })),
  },
  {
    name: 'a page reached only through a search form is not an orphan; one only in <link rel=alternate> is',
    plant: (tree) => {
      for (const folder of ['', 'zh-hant/']) {
        tree.set(`${folder}search/index.html`, tree.get(`${folder}404.html`)!);
        tree.set(`${folder}feed/index.html`, tree.get(`${folder}404.html`)!);
        addToMain(
          tree,
          `${folder}index.html`,
          `<form action="/${folder}search/"><p><input type="search" name="q" aria-label="搜索"> <button type="submit">搜索</button></p></form>`,
        );
        addToHead(tree, `${folder}index.html`, `<link rel="alternate" type="text/html" href="/${folder}feed/">`);
      }
    },
    expected: ['/feed/', '/zh-hant/feed/'].map((page) => ({
      page,
      message: 'is an orphan: no chain of links from / reaches it; link it from a listing, the navigation or its twin',
    })),
  },
  {
    name: 'fragments that match no id, on the same page and on another',
    plant: (tree) => {
      edit(tree, 'articles/c0-article0/index.html', 'href="#comments"', 'href="#comment"');
      addToMain(tree, 'articles/c0-article0/index.html', '<p><a href="/articles/c0-article1/#replies">回复</a></p>');
    },
    expected: [
      {
        page: '/articles/c0-article0/',
        link: '#comment',
        message: '<a href="#comment"> points at #comment, but /articles/c0-article0/ has no element with id="comment"',
      },
      {
        page: '/articles/c0-article0/',
        link: '/articles/c0-article1/#replies',
        message:
          '<a href="/articles/c0-article1/#replies"> points at #replies, but /articles/c0-article1/ has no element with id="replies"',
      },
    ],
  },
  {
    name: 'feeds and sitemaps that are not well-formed XML, named by file; a good one passes',
    plant: (tree) => {
      const feed = (title: string) =>
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;
      tree.set('rss.xml', feed('一起惠资讯 &amp; &lt;b&gt;'));
      tree.set('zh-hant/rss.xml', feed('一起惠\u0001資訊\uFFFF'));
      tree.set('sitemap-0.xml', '<urlset><url><loc>https://archive.yiqihui.example/</loc></urlset>');
    },
    expected: [
      { page: '/sitemap-0.xml', message: `${NOT_XML}line 1, column 65: unexpected close tag` },
      // Column 77 is the U+0001 after 一起惠; the U+FFFF after 資訊 is the one more.
      { page: '/zh-hant/rss.xml', message: `${NOT_XML}line 1, column 77: disallowed character (and 1 more)` },
    ],
  },
  {
    name: 'invalid HTML: a duplicate id (line and column counted by hand from the template)',
    plant: (tree) => edit(tree, 'articles/c0-article0/index.html', '<h1>文章0</h1>', '<h1 id="comments">文章0</h1>'),
    expected: [{ page: '/articles/c0-article0/', message: 'line 38, column 9: Duplicate ID "comments" (html-validate rule no-dup-id)' }],
  },
];

describe('checkSite', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true }))));

  it.each(scenarios)('$name', async ({ plant, expected }) => {
    const tree = syntheticSite(SHAPE);
    plant(tree);
    const dist = await writeTree(tree);
    dirs.push(dist);
    expect(await checkSite(dist, { origin: ORIGIN, localeFolders: FOLDERS })).toEqual(expected);
  });
});
