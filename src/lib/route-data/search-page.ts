/** `getStaticPaths` for the search page, one per variant: `/search/`, `/zh-hant/search/`. */
import { LANGS } from '../../consts.ts';
import { getSite } from 'virtual:yiqihui/site';
import { pageFrame } from './frame.ts';
import { homeUrl, searchUrl, variantParam } from '../urls.ts';
import { PRELOADED } from '../search/config.ts';

/** The words the search script prints, handed to it on its root element. */
const SCRIPT_WORDS = [
  'searchPrompt',
  'searchNoWords',
  'searching',
  'resultsFound',
  'articlesCount',
  'noResults',
  'searchFailed',
  'moreResults',
  'resultsSince',
  'searchOlder',
] as const;

export async function searchPaths() {
  const site = await getSite();
  return LANGS.map((lang) => {
    const variant = site.variants[lang];
    const { words } = variant;
    return {
      params: { variant: variantParam(lang) },
      props: {
        frame: pageFrame(site, {
          lang,
          path: searchUrl(lang),
          title: words.searchTitle,
          description: words.searchTitle,
          crumbs: [{ label: words.searchTitle }],
        }),
        pagefindBase: `${homeUrl(lang)}pagefind/`,
        preload: {
          module: `${homeUrl(lang)}pagefind/${PRELOADED.module}`,
          fetched: PRELOADED.fetched.map((f) => `${homeUrl(lang)}pagefind/${f}`),
        },
        channels: variant.channels.map((c) => ({ slug: c.slug, name: c.name })),
        scriptWords: Object.fromEntries(SCRIPT_WORDS.map((k) => [k, words[k]])) as Record<(typeof SCRIPT_WORDS)[number], string>,
      },
    };
  });
}

export type SearchPageProps = Awaited<ReturnType<typeof searchPaths>>[number]['props'];
export type ScriptWords = SearchPageProps['scriptWords'];
