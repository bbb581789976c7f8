/**
 * How the built site maps URLs to files: `/jingying/8/` is served from `jingying/8/index.html`,
 * `/404.html` from `404.html`. Site paths (what problems name) start with `/`; file paths
 * (what `dist/` holds) are relative and `/`-separated.
 */

/** The site path a file is served at: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function sitePathOf(file: string): string {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** The file a decoded URL path is served from: `/a/b/` → `a/b/index.html`, `/x.css` → `x.css`. */
export function fileOf(path: string): string {
  const file = path.replace(/^\/+/, '');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

export const isHtmlFile = (file: string): boolean => file.endsWith('.html');
export const isXmlFile = (file: string): boolean => file.endsWith('.xml');

/** The locale folder a page belongs to: the non-root folder its path starts with, else `''`. */
export function localeFolderOf(path: string, folders: readonly string[]): string {
  return folders.find((folder) => folder !== '' && path.startsWith(`/${folder}/`)) ?? '';
}

/** The same page in another locale folder: `/jingying/8/` in `zh-hant` → `/zh-hant/jingying/8/`. */
export function twinPath(path: string, folders: readonly string[], to: string): string {
  const from = localeFolderOf(path, folders);
  const rest = from === '' ? path : path.slice(from.length + 1);
  return to === '' ? rest : `/${to}${rest}`;
}

/**
 * Pages that need neither a link nor a twin: the host serves one `404.html` for every missing
 * URL (so it is linked from nowhere and one per site is enough). The search bundles hold no page:
 * an HTML file among them was put there by hand, and is an orphan like any other.
 */
export function isSpecialPage(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => path === twinPath('/404.html', folders, folder));
}
