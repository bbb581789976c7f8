/**
 * A synthetic built site shaped like ours (two variants, channel listings, articles, assets,
 * Pagefind), small for the tests and large for the benchmark. Pages are valid under the repo's
 * html-validate config, so every problem a test sees is one it planted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempDir } from '../../helpers/temp-dirs.ts';

export const ORIGIN = 'https://archive.yiqihui.example';
export const FOLDERS = ['', 'zh-hant'] as const;

export interface SiteShape {
  channels: number;
  articlesPerChannel: number;
  /** Articles listed per channel page. */
  pageSize: number;
  /** Paragraphs in an article before its comments heading (8 unless given). */
  paragraphs?: number;
}

/** file (relative, `/`-separated) → content */
export type Tree = Map<string, string>;

const VARIANTS = {
  '': { lang: 'zh-Hans', label: '简体', words: '电商资讯：京东商城最高返利，一起惠为您整理每日优惠。' },
  'zh-hant': { lang: 'zh-Hant', label: '繁體', words: '電商資訊：京東商城最高返利，一起惠為您整理每日優惠。' },
} as const;

const prefix = (folder: string) => (folder === '' ? '' : `/${folder}`);
const channelSlug = (c: number) => `channel${c}`;
const articleSlug = (c: number, a: number) => `c${c}-article${a}`;

interface PageSpec {
  folder: string;
  /** Path inside the variant, e.g. `/jingying/2/`. */
  path: string;
  title: string;
  main: string;
}

function page({ folder, path, title, main }: PageSpec, shape: SiteShape): string {
  const other = folder === '' ? 'zh-hant' : '';
  const { lang } = VARIANTS[folder as keyof typeof VARIANTS];
  const nav = Array.from(
    { length: shape.channels },
    (_, c) => `<li><a href="${prefix(folder)}/${channelSlug(c)}/1/">频道${c}</a></li>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - 一起惠资讯</title>
<meta name="description" content="${title}">
<link rel="canonical" href="${ORIGIN}${prefix(folder)}${path}">
<link rel="alternate" hreflang="zh-Hans" href="${ORIGIN}${path}">
<link rel="alternate" hreflang="zh-Hant" href="${ORIGIN}/zh-hant${path}">
<meta property="og:image" content="${ORIGIN}/og.png">
<link rel="stylesheet" href="/_astro/site.css">
<script type="module" src="/_astro/app.js"></script>
</head>
<body>
<header>
<a href="${prefix(folder)}/">一起惠资讯</a>
<a href="${prefix(other)}${path}" hreflang="${VARIANTS[other].lang}">${VARIANTS[other].label}</a>
<nav aria-label="频道">
<ul>
${nav}
</ul>
</nav>
</header>
<main>
${main}
</main>
<footer>
<p><a href="${prefix(folder)}/#top">返回顶部</a></p>
</footer>
</body>
</html>
`;
}

/** The whole tree: both variants of every page, plus assets and Pagefind's files. */
export function syntheticSite(shape: SiteShape): Tree {
  const tree: Tree = new Map([
    ['_astro/site.css', 'body { margin: 0; }\n'],
    ['_astro/app.js', 'export {};\n'],
    ['og.png', 'not really a PNG\n'],
    ['logo.png', 'not really a PNG\n'],
    ['logo-2x.png', 'not really a PNG\n'],
    ['pagefind/pagefind-ui.js', 'export {};\n'],
    ['pagefind/pagefind-entry.json', '{}\n'],
    // A search config of no volumes: the bundle's own check (search-bundles.ts) has a build's test.
    ['pagefind/yiqihui-search.json', '{"volumes":[]}\n'],
  ]);
  for (const folder of FOLDERS) {
    const { words } = VARIANTS[folder];
    const add = (spec: Omit<PageSpec, 'folder'>, file = `${spec.path.slice(1)}index.html`) =>
      tree.set(`${folder === '' ? '' : `${folder}/`}${file}`, page({ folder, ...spec }, shape));
    add({
      path: '/',
      title: '首页',
      main: `<h1>一起惠资讯</h1>
<p><img src="/logo.png" srcset="/logo.png 1x, /logo-2x.png 2x" alt="一起惠" width="100" height="40"></p>
<p>${words}</p>`,
    });
    add(
      { path: '/404.html', title: '找不到页面', main: `<h1>找不到页面</h1>\n<p><a href="${prefix(folder)}/">返回首页</a></p>` },
      '404.html',
    );
    for (let c = 0; c < shape.channels; c++) {
      const pages = Math.ceil(shape.articlesPerChannel / shape.pageSize);
      for (let p = 1; p <= pages; p++) {
        const items = [];
        for (let a = (p - 1) * shape.pageSize; a < Math.min(p * shape.pageSize, shape.articlesPerChannel); a++) {
          items.push(`<li><a href="${prefix(folder)}/articles/${articleSlug(c, a)}/">文章${a}</a></li>`);
        }
        const next = p < pages ? `\n<p><a href="../${p + 1}/">下一页</a></p>` : '';
        add({
          path: `/${channelSlug(c)}/${p}/`,
          title: `频道${c} 第${p}页`,
          main: `<h1>频道${c}</h1>\n<ul>\n${items.join('\n')}\n</ul>${next}`,
        });
      }
      for (let a = 0; a < shape.articlesPerChannel; a++) {
        add({
          path: `/articles/${articleSlug(c, a)}/`,
          title: `文章${a}`,
          main: `<article>
<h1>文章${a}</h1>
${`<p>${words}</p>\n`.repeat(shape.paragraphs ?? 8)}<p><a href="#comments">评论</a> <a href="${prefix(folder)}/${channelSlug(c)}/1/">频道${c}</a></p>
<h2 id="comments">评论</h2>
<p>${words}</p>
</article>`,
        });
      }
    }
  }
  return tree;
}

export async function writeTree(tree: Tree, dir?: string): Promise<string> {
  const root = dir ?? (await tempDir('site-checks'));
  for (const [file, content] of tree) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), content);
  }
  return root;
}
