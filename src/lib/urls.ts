/**
 * The URL scheme, in one place. Every link the site prints comes from here, so that the zh-Hant
 * variant is the same tree under `/zh-hant/`.
 */
import { LOCALES, type Lang, type LocaleFolder } from '../consts.ts';

export const FOLDERS = Object.keys(LOCALES) as LocaleFolder[];

export function folderOf(lang: Lang): LocaleFolder {
  const folder = FOLDERS.find((f) => LOCALES[f].lang === lang);
  if (folder === undefined) throw new Error(`no locale folder for ${lang}`);
  return folder;
}

/** Astro's rest parameter for the locale folder: undefined at the root. */
export const variantParam = (lang: Lang): string | undefined => folderOf(lang) || undefined;

const prefix = (lang: Lang) => {
  const folder = folderOf(lang);
  return folder ? `/${folder}` : '';
};

export const homeUrl = (lang: Lang) => `${prefix(lang)}/`;
export const channelUrl = (lang: Lang, channel: string, page = 1) =>
  page === 1 ? `${prefix(lang)}/${channel}/` : `${prefix(lang)}/${channel}/${page}/`;
export const articleUrl = (lang: Lang, slug: string) => `${prefix(lang)}/articles/${slug}/`;
export const searchUrl = (lang: Lang) => `${prefix(lang)}/search/`;
export const feedUrl = (lang: Lang, channel?: string) => (channel ? `${prefix(lang)}/${channel}/rss.xml` : `${prefix(lang)}/rss.xml`);
export const SITEMAP_URL = '/sitemap-index.xml';
/** The site's own files outside both variants: a body may link to them too. */
export const SITE_FILE_URLS = ['/robots.txt', '/404.html', SITEMAP_URL];

/** The same page in the other variant: `/jingying/8/` ↔ `/zh-hant/jingying/8/`. */
export function twinUrl(path: string, to: Lang): string {
  const bare = FOLDERS.filter(Boolean).reduce(
    (p, folder) => (p === `/${folder}` || p.startsWith(`/${folder}/`) ? p.slice(folder.length + 1) || '/' : p),
    path,
  );
  return `${prefix(to)}${bare}`;
}
