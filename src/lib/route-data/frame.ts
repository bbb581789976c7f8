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

/** `path` at the site's address (SITE_URL), or at `origin`. */
export const absolute = (path: string, origin = SITE_URL) => new URL(path, origin).href;

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

/**
 * The frame of a page. In the page's key (cache-key.ts) it stands as what it is made of, its
 * parts (as their hash) and its input, not as all it prints: `frameOf` reads nothing else (but
 * code, which the key's version covers), and the frame repeats its input many times over (title,
 * description, links to the page in each variant). Its whole JSON was 1.2 KB of an article
 * page's 1.5 KB, stringified and hashed for every page of every build.
 */
export function pageFrame(site: Site, input: FrameInput): PageFrame {
  const parts = frameParts(site, input.lang, input.channel ?? '');
  return Object.defineProperty(frameOf(parts, input), 'toJSON', { value: () => ({ parts, input }) });
}

/**
 * What a frame is made of besides its page's input: the same for all of a variant's pages of one
 * channel, so made once, and in page keys standing as its hash.
 */
interface FrameParts extends Pick<PageFrame, 'lang' | 'words' | 'siteName' | 'nav' | 'sidebar'> {
  /** The site's address (SITE_URL), for the links search engines follow. */
  origin: string;
  /** The other variants' words, for the offer to switch to them. */
  others: { lang: Lang; words: Variant['words'] }[];
}

function frameOf(parts: FrameParts, input: FrameInput): PageFrame {
  const indexable = input.indexable ?? true;
  return {
    lang: parts.lang,
    words: parts.words,
    siteName: parts.siteName,
    title: input.title ? `${input.title} - ${parts.siteName}` : parts.siteName,
    description: input.description,
    path: input.path,
    canonical: indexable ? absolute(input.path, parts.origin) : undefined,
    alternates: indexable
      ? [
          ...LANGS.map((lang) => ({ hreflang: lang, href: absolute(twinUrl(input.path, lang), parts.origin) })),
          { hreflang: 'x-default', href: absolute(twinUrl(input.path, LANGS[0]!), parts.origin) },
        ]
      : [],
    switchTo: parts.others.map(({ lang, words: theirs }) => {
      const label = LOCALES[folderOf(lang)].label;
      return {
        lang,
        label,
        href: indexable ? twinUrl(input.path, lang) : homeUrl(lang),
        offer: `${theirs.offerBefore}${label}${theirs.offerAfter}`,
        accept: theirs.offerAccept,
        dismiss: theirs.offerDismiss,
      };
    }),
    nav: parts.nav,
    sidebar: parts.sidebar,
    breadcrumb: [
      { label: parts.words.home, url: homeUrl(parts.lang) },
      { label: parts.siteName, url: homeUrl(parts.lang) },
      ...input.crumbs,
    ],
    homeUrl: homeUrl(parts.lang),
    searchUrl: searchUrl(parts.lang),
    feedUrl: feedUrl(parts.lang),
  };
}

/** Each variant's frame parts for each channel's pages (and for pages of none, channel ''). */
const made = new WeakMap<Site, Map<string, FrameParts>>();

function frameParts(site: Site, lang: Lang, channel: string): FrameParts {
  const ofSite = made.get(site) ?? made.set(site, new Map()).get(site)!;
  const key = `${lang}\0${channel}`;
  let parts = ofSite.get(key);
  if (!parts) {
    const variant = site.variants[lang];
    parts = jsonAsHash({
      origin: SITE_URL,
      lang,
      words: variant.words,
      siteName: variant.siteName,
      others: LANGS.filter((l) => l !== lang).map((l) => ({ lang: l, words: site.variants[l].words })),
      // Many pages print the same navigation and sidebar: in keys, each stands as its hash too.
      nav: jsonAsHash(variant.channels.map((c) => ({ name: c.name, url: c.url, current: c.slug === channel }))),
      sidebar: jsonAsHash({
        merchants: variant.merchants,
        weeklyHot: inVariant(variant, site.archive.weeklyHot).map(linkTo),
        ranking: inVariant(variant, site.archive.weeklyRanking.get(channel) ?? []).map(linkTo),
        moreUrl: homeUrl(lang),
      }),
    });
    ofSite.set(key, parts);
  }
  return parts;
}
