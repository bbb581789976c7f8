/**
 * A body's links to the site's own pages, written as root paths (`/articles/x/`, `/jingying/`),
 * lead a reader of the other variant to the page in their own script (`/zh-hant/articles/x/`).
 * Only pages move: their paths end in `/` (the site's trailing-slash scheme) or are feeds, which
 * exist in both variants; files from public/ (`/logo.png`) exist once, at the root. A link that
 * already names a variant (`/zh-hant/…`) is the writer's choice and stays. The HTML is the
 * renderer's own serialisation, whose `href` is always double-quoted.
 */
import { SOURCE_LANG, type Lang } from '../../consts.ts';
import { twinUrl } from '../urls.ts';

const ROOT_HREF = /(<a\s[^>]*?\bhref=")(\/(?!\/)[^"?#]*)([^"]*")/g;
const PAGE_PATH = /(?:\/|\.xml)$/;

export function localizeLinks(html: string, to: Lang): string {
  return html.replace(ROOT_HREF, (all, before: string, path: string, after: string) => {
    const bare = twinUrl(path, SOURCE_LANG) === path;
    return bare && PAGE_PATH.test(path) ? `${before}${twinUrl(path, to)}${after}` : all;
  });
}
