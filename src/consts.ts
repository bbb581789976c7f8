/**
 * Site-wide constants: the one place for the page size, the locales and the site's identity.
 * Everything else derives from these (URLs through `src/lib/urls.ts`). How the build runs is in
 * config.ts (the environment's settings) and tuning.ts.
 */
import { settings } from './config.ts';

export const SITE_NAME = '一起惠资讯';
/** Production origin; used for canonical URLs, sitemaps and feeds. Set with SITE_URL (config.ts). */
export const SITE_URL = settings.siteUrl;

/** Articles per channel listing page, as on the legacy site. */
export const PAGE_SIZE = 20;

/** Beijing time: dates without an offset are read, and every date is shown, in UTC+8. */
export const ARCHIVE_UTC_OFFSET_MINUTES = 8 * 60;

/**
 * The variants of the site. The key is the URL folder (`''` is the root), `lang` the BCP-47 tag
 * used in `<html lang>`, hreflang and the content's `lang` field. Keep the folder and the tag
 * apart: `zh-hant` in URLs, `zh-Hant` in markup.
 */
export const LOCALES = {
  '': { lang: 'zh-Hans', label: '简体' },
  'zh-hant': { lang: 'zh-Hant', label: '繁體' },
} as const satisfies Record<string, { lang: string; label: string }>;

export type LocaleFolder = keyof typeof LOCALES;
export type Lang = (typeof LOCALES)[LocaleFolder]['lang'];
export const LANGS = Object.values(LOCALES).map((l) => l.lang) as Lang[];
/** The script the site's own words (labels, breadcrumb, pager) are written in. */
export const SOURCE_LANG: Lang = 'zh-Hans';

/** Path segments the site uses itself: a channel may not take one of these slugs. */
export const RESERVED_SLUGS = ['articles', 'search', ...Object.keys(LOCALES).filter(Boolean), 'rss', 'pagefind', '_astro', '404'];
