/**
 * A page's `cacheKey`, its key in the page store (src/integrations/page-store/): a hash of
 * everything the page prints. Pages print only their props (data is prepared before rendering),
 * so the key is the props — without articles' bodies (`html`, and their hashes `htmlHash`): a page
 * prints only its own article's body, whose hash is passed as `ownHtmlHash`. Hashing a
 * neighbour's body would re-render a page for an edit it does not show.
 */
import { hashOf } from '../hash.ts';

const BODY_KEYS = new Set(['html', 'htmlHash']);

export function pageCacheKey(props: object, ownHtmlHash = ''): string {
  return hashOf(
    ownHtmlHash,
    JSON.stringify(props, (key, value: unknown) => (BODY_KEYS.has(key) ? undefined : value)),
  );
}
