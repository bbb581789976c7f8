/**
 * A page's `cacheKey`, its key in the page store (src/integrations/page-store/): a hash of
 * everything the page prints. Pages print only their props (data is prepared before rendering),
 * so the key is the props' JSON:
 * - without articles' bodies, which JSON leaves out wherever they are (`articleBody`,
 *   ../archive/variant.ts): a page prints only its own article's body, whose hash is passed as
 *   `ownBodyHash`. Hashing a neighbour's body would re-render a page for an edit it does not show.
 * - with the parts many pages share (a variant's words, a sidebar, the articles as lists show them)
 *   as their hashes, each made once (`jsonAsHash`, ../hash.ts): whole, they were about four
 *   fifths of the 84 MB of JSON the keys of a 10,000-article build hashed (listed and linked
 *   articles 52 MB, the navigation about 15 MB).
 * - with the page's frame as what it is made of (`pageFrame`, ./frame.ts): half the JSON left.
 */
import { hashOf } from '../hash.ts';

export const pageCacheKey = (props: object, ownBodyHash = ''): string => hashOf(ownBodyHash, JSON.stringify(props));
