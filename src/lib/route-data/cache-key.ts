/**
 * A page's `cacheKey`, its key in the page store (src/integrations/page-store/): a hash of
 * everything the page prints. Pages print only their props (data is prepared before rendering),
 * so the key is the props — without articles' bodies, which JSON leaves out wherever they are
 * (`articleBody`, ../archive/variant.ts): a page prints only its own article's body, whose hash is
 * passed as `ownBodyHash`. Hashing a neighbour's body would re-render a page for an edit it does
 * not show.
 */
import { hashOf } from '../hash.ts';
import type { PageFrame } from './frame.ts';

/**
 * The hashes of objects many pages share, by identity: the variant's words and a channel's
 * sidebar (frame.ts makes each once) were two thirds of each page's JSON, hashed again for every
 * page (2 s of a 10,000-article build's page keys).
 */
const digests = new WeakMap<object, string>();
function digestOf(shared: object): string {
  let digest = digests.get(shared);
  if (digest === undefined) digests.set(shared, (digest = hashOf(JSON.stringify(shared))));
  return digest;
}

export function pageCacheKey<Props extends { frame: PageFrame }>(props: Props, ownBodyHash = ''): string {
  const { words, sidebar, ...frame } = props.frame;
  return hashOf(ownBodyHash, digestOf(words), digestOf(sidebar), JSON.stringify({ ...props, frame }));
}
