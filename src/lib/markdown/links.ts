/**
 * Link fix-ups after sanitising:
 * - a link to another host gets `rel="noopener noreferrer"` (no `window.opener`, no referrer
 *   leaking our URLs to shops); relative links, `/…` and our own origin are internal, `//host/…` is not;
 * - an in-page link `#x` points at `#user-content-x`, because the sanitizer prefixes every `id`
 *   from content to stop DOM clobbering (footnote calls depend on this).
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { SITE_URL } from '../../consts.ts';

const SITE = new URL(SITE_URL);

function isExternalHref(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href, SITE);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== SITE.host;
}

export default function rehypeArticleLinks(options: { idPrefix: string }) {
  const { idPrefix } = options;
  return (tree: Root): undefined => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      if (href.startsWith('#')) {
        if (href.length > 1) node.properties.href = `#${idPrefix}${href.slice(1)}`;
      } else if (isExternalHref(href)) {
        node.properties.rel = ['noopener', 'noreferrer'];
      }
    });
  };
}
