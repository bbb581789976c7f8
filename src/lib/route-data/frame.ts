/**
 * What every page's layout prints around its content, prepared from the variant: head metadata,
 * the variant switch, channel navigation, breadcrumb and the legacy sidebar.
 */
import { LANGS, LOCALES, SITE_URL, type Lang } from '../../consts.ts';
import type { Site } from '../archive/site.ts';
import { inVariant, type Variant } from '../archive/variant.ts';
import { linkTo, type ArticleLink } from './article-link.ts';
import { feedUrl, folderOf, homeUrl, searchUrl, twinUrl } from '../urls.ts';
import { jsonAsHash } from '../hash.ts';

export interface Crumb {
  label: string;
  url?: string;
}

export interface Sidebar {
  merchants: { name: string; rebate: string }[];
  weeklyHot: ArticleLink[];
  ranking: ArticleLink[];
  moreUrl: string;
}

export interface PageFrame {
  lang: Lang;
  words: Variant['words'];
  siteName: string;
  /** The document title, most specific part first. */
  title: string;
  description: string;
  /** Root-relative URL of this page. */
  path: string;
  /** Absent on pages search engines should not index (the 404 page). */
  canonical?: string;
  alternates: { hreflang: string; href: string }[];
  /** The page in the other variants, with the offer words in that variant's script. */
  switchTo: { lang: Lang; label: string; href: string; offer: string; accept: string; dismiss: string }[];
  nav: { name: string; url: string; current: boolean }[];
  breadcrumb: Crumb[];
  sidebar: Sidebar;
  homeUrl: string;
  searchUrl: string;
  feedUrl: string;
}

export const absolute = (path: string) => new URL(path, SITE_URL).href;

export interface FrameInput {
  lang: Lang;
  path: string;
  /** The page's own title part (the site name is appended). */
  title?: string;
  description: string;
  /** Crumbs after 首页>一起惠资讯. */
  crumbs: Crumb[];
  channel?: string;
  /** False for the 404 page: no canonical, no alternates, noindex. */
  indexable?: boolean;
}

export function pageFrame(site: Site, input: FrameInput): PageFrame {
  const variant = site.variants[input.lang];
  const { words } = variant;
  const indexable = input.indexable ?? true;
  return {
    lang: input.lang,
    words,
    siteName: variant.siteName,
    title: input.title ? `${input.title} - ${variant.siteName}` : variant.siteName,
    description: input.description,
    path: input.path,
    canonical: indexable ? absolute(input.path) : undefined,
    alternates: indexable
      ? [
          ...LANGS.map((lang) => ({ hreflang: lang, href: absolute(twinUrl(input.path, lang)) })),
          { hreflang: 'x-default', href: absolute(twinUrl(input.path, LANGS[0]!)) },
        ]
      : [],
    switchTo: LANGS.filter((l) => l !== input.lang).map((lang) => {
      const label = LOCALES[folderOf(lang)].label;
      const theirs = site.variants[lang].words;
      return {
        lang,
        label,
        href: indexable ? twinUrl(input.path, lang) : homeUrl(lang),
        offer: `${theirs.offerBefore}${label}${theirs.offerAfter}`,
        accept: theirs.offerAccept,
        dismiss: theirs.offerDismiss,
      };
    }),
    ...channelParts(site, input.lang, input.channel ?? ''),
    breadcrumb: [{ label: words.home, url: homeUrl(input.lang) }, { label: variant.siteName, url: homeUrl(input.lang) }, ...input.crumbs],
    homeUrl: homeUrl(input.lang),
    searchUrl: searchUrl(input.lang),
    feedUrl: feedUrl(input.lang),
  };
}

/** What a frame prints the same on all of a variant's pages of one channel. */
type ChannelParts = Pick<PageFrame, 'nav' | 'sidebar'>;

/** Each variant's parts for each channel's pages (and for pages of none, channel ''). */
const made = new WeakMap<Site, Map<string, ChannelParts>>();

/**
 * The navigation and sidebar of a variant's pages of `channel`: the same for all of them, so made
 * once, and hashed once for their page keys (cache-key.ts).
 */
function channelParts(site: Site, lang: Lang, channel: string): ChannelParts {
  const ofSite = made.get(site) ?? made.set(site, new Map()).get(site)!;
  const key = `${lang}\0${channel}`;
  let parts = ofSite.get(key);
  if (!parts) {
    const variant = site.variants[lang];
    parts = {
      nav: jsonAsHash(variant.channels.map((c) => ({ name: c.name, url: c.url, current: c.slug === channel }))),
      sidebar: jsonAsHash({
        merchants: variant.merchants,
        weeklyHot: inVariant(variant, site.archive.weeklyHot).map(linkTo),
        ranking: inVariant(variant, site.archive.weeklyRanking.get(channel) ?? []).map(linkTo),
        moreUrl: homeUrl(lang),
      }),
    };
    ofSite.set(key, parts);
  }
  return parts;
}
