/**
 * `getStaticPaths` for every page kind, for every variant: the data each page prints, prepared
 * here so that the Astro components stay templates.
 */
import type { PaginateFunction } from 'astro';
import { LANGS, PAGE_SIZE, SITE_URL, type Lang } from '../../consts.ts';
import { getSite, segment } from 'virtual:yiqihui/site';
import type { Site } from '../archive/site.ts';
import { bodyOf, inVariant, type VariantArticle, type VariantChannel } from '../archive/variant.ts';
import { buildPager } from '../pager.ts';
import { articleUrl, channelUrl, homeUrl, variantParam } from '../urls.ts';
import { articleDescription } from './seo.ts';
import { pageFrame, type PageFrame } from './frame.ts';
import { feedItems } from './feed.ts';
import { keyedPage } from './page-keys.ts';
import { linkTo } from './article-link.ts';
import { shareOf } from '../segments.ts';
import { mapInSlices } from '../map-in-slices.ts';

export const HOME_LATEST = 20;
export const HOME_PER_CHANNEL = 5;

export interface PagerView {
  summary: { from: number; to: number; total: number; page: number; pageCount: number };
  items: { label: string; href?: string; current?: boolean; kind: string }[];
}

export async function homePaths() {
  const site = await getSite();
  return LANGS.map((lang) => {
    const variant = site.variants[lang];
    return {
      params: { variant: variantParam(lang) },
      props: {
        frame: pageFrame(site, { lang, path: homeUrl(lang), description: describeHome(site, lang), crumbs: [] }),
        latest: variant.articles.slice(0, HOME_LATEST),
        channels: variant.channels.map((channel) => ({
          channel,
          count: site.archive.byChannel.get(channel.slug)!.length,
          latest: channelArticles(site, lang, channel.slug).slice(0, HOME_PER_CHANNEL),
        })),
      },
    };
  });
}

/** Channel listings, paginated; in a segmented build, only the segment's share of them (../segments.ts). */
export async function listingPaths(paginate: PaginateFunction) {
  const site = await getSite();
  const pages = LANGS.flatMap((lang) =>
    site.variants[lang].channels.flatMap((channel) =>
      paginate(channelArticles(site, lang, channel.slug), {
        params: { variant: variantParam(lang), channel: channel.slug },
        props: { channel, lang },
        pageSize: PAGE_SIZE,
      }),
    ),
  );
  const keyed = await mapInSlices(shareOf(pages, segment), ({ props: { lang, ...entry }, ...page }) => {
    const listing = keyedPage(site.pageKeys, channelUrl(lang, entry.channel.slug, entry.page.currentPage), '', () => ({
      ...entry,
      ...listingView(site, lang, entry.channel, entry.page.currentPage, entry.page.total),
    }));
    // Assigned to, not spread: spreading would make the props the key may spare.
    return listing && Object.assign(listing, page);
  });
  return keyed.filter(toRender);
}

/** The frame and pager of one listing page. */
function listingView(site: Site, lang: Lang, channel: VariantChannel, page: number, total: number) {
  const { words } = site.variants[lang];
  const pager = buildPager(page, total, PAGE_SIZE);
  const frame = pageFrame(site, {
    lang,
    path: channelUrl(lang, channel.slug, page),
    title: page === 1 ? channel.name : `${channel.name} ${page}/${pager.pageCount}`,
    description: channel.description ?? `${channel.name}: ${total} ${words.articlesCount} (${page}/${pager.pageCount})`,
    crumbs: [{ label: channel.name, url: channel.url }, { label: words.articleList }],
    channel: channel.slug,
  });
  const labels = { first: words.first, prev: words.prev, next: words.next, last: words.last };
  const pagerView: PagerView = {
    summary: pager,
    items: pager.items.map((item) => {
      if (item.kind === 'gap') return { kind: 'gap', label: '...' };
      if (item.kind === 'number') {
        return {
          kind: 'number',
          label: String(item.page),
          current: item.current,
          href: item.current ? undefined : channelUrl(lang, channel.slug, item.page),
        };
      }
      return {
        kind: item.kind,
        label: labels[item.kind],
        href: item.page === null ? undefined : channelUrl(lang, channel.slug, item.page),
      };
    }),
  };
  return { frame, pager: pagerView };
}

/** Every article in each variant; in a segmented build, only the segment's own articles (`Site.ownArticles`). */
export async function articlePaths() {
  const site = await getSite();
  const own = (article: { slug: string }) => site.ownArticles?.has(article.slug) ?? true;
  const pages = LANGS.flatMap((lang) => site.variants[lang].articles.filter(own).map((article) => ({ lang, article })));
  const keyed = await mapInSlices(pages, ({ lang, article }) => {
    const body = bodyOf(article);
    const page = keyedPage(site.pageKeys, articleUrl(lang, article.slug), body.hash, () => {
      const variant = site.variants[lang];
      const pick = (a?: { slug: string }) => (a ? linkTo(variant.bySlug.get(a.slug)!) : undefined);
      const { older, newer } = site.archive.neighbours.get(article.slug)!;
      const home = article.channels[0]!;
      return {
        frame: pageFrame(site, {
          lang,
          path: articleUrl(lang, article.slug),
          title: article.title,
          description: articleDescription(article),
          crumbs: [{ label: home.name, url: home.url }, { label: article.title }],
          channel: home.slug,
        }),
        article,
        body,
        older: pick(older),
        newer: pick(newer),
        related: inVariant(variant, site.archive.related.get(article.slug)!).map(linkTo),
      };
    });
    return page && Object.assign(page, { params: { variant: variantParam(lang), slug: article.slug } });
  });
  return keyed.filter(toRender);
}

/** A page `keyedPage` left for Astro to render, not one the page store took. */
const toRender = <T>(page: T | undefined): page is T => page !== undefined;

function channelArticles(site: Site, lang: Lang, channel: string): VariantArticle[] {
  return inVariant(site.variants[lang], site.archive.byChannel.get(channel)!);
}

function describeHome(site: Site, lang: Lang): string {
  const variant = site.variants[lang];
  return `${variant.siteName}: ${variant.channels.map((c) => c.name).join('、')}`;
}

export type HomeProps = Awaited<ReturnType<typeof homePaths>>[number]['props'];
export type ListingProps = Awaited<ReturnType<typeof listingPaths>>[number]['props'];
export type ArticleProps = Awaited<ReturnType<typeof articlePaths>>[number]['props'];
export type { PageFrame };

/** One 404 page for the whole site (the CDN serves /404.html): in zh-Hans, with a line in zh-Hant. */
export async function notFoundProps() {
  const site = await getSite();
  const [lang, other] = LANGS as [Lang, Lang];
  const { words } = site.variants[lang];
  const otherWords = site.variants[other].words;
  return {
    frame: pageFrame(site, {
      lang,
      path: '/404.html',
      title: words.notFoundTitle,
      description: words.notFoundText,
      crumbs: [{ label: words.notFoundTitle }],
      indexable: false,
    }),
    otherVariant: {
      lang: other,
      text: `${otherWords.notFoundTitle}。${otherWords.notFoundText}`,
      backHome: otherWords.backHome,
      homeUrl: homeUrl(other),
    },
  };
}

/** RSS feeds: the whole site per variant, or one per channel per variant. */
export async function feedPaths(perChannel: boolean) {
  const site = await getSite();
  return LANGS.flatMap((lang) => {
    const variant = site.variants[lang];
    const feed = (title: string, description: string, articles: VariantArticle[]) => ({
      title,
      description,
      site: SITE_URL,
      items: feedItems(articles),
      customData: `<language>${lang}</language>`,
      trailingSlash: true,
    });
    if (!perChannel) {
      return [
        { params: { variant: variantParam(lang) }, props: { feed: feed(variant.siteName, describeHome(site, lang), variant.articles) } },
      ];
    }
    return variant.channels.map((channel) => ({
      params: { variant: variantParam(lang), channel: channel.slug },
      props: {
        feed: feed(`${channel.name} - ${variant.siteName}`, channel.description ?? channel.name, channelArticles(site, lang, channel.slug)),
      },
    }));
  });
}
export type FeedProps = Awaited<ReturnType<typeof feedPaths>>[number]['props'];
