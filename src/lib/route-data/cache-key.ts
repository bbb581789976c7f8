/**
 * A page's `cacheKey`, its key in the page store (src/integrations/page-store/): a hash of
 * everything the page prints. Pages print only their props (data is prepared before rendering),
 * so the key is the props — without articles' bodies (`html`), which a page prints only for its
 * own article, passed as `ownHtml`. Hashing a neighbour's body would re-render a page for an edit
 * it does not show.
 */
import { hashOf } from '../hash.ts';

export function pageCacheKey(props: object, ownHtml = ''): string {
  return hashOf(
    ownHtml,
    JSON.stringify(props, (key, value: unknown) => (key === 'html' ? undefined : value)),
  );
}
