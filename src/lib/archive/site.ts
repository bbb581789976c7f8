/** The site's data, everything the pages and the search index are made from (prepared by src/integrations/site-data/). */
import type { Lang } from '../../consts.ts';
import type { Archive } from './archive.ts';
import type { Variant } from './variant.ts';
import type { PageKeys } from '../route-data/page-keys.ts';

export interface Site {
  contentDir: string;
  archive: Archive;
  variants: Record<Lang, Variant>;
  /**
   * In a segment build, the slugs of its own articles (articlesOfSegment, src/lib/search/shards.ts):
   * it renders their pages and indexes them, and prepares only their bodies. Undefined in a whole build.
   */
  ownArticles?: ReadonlySet<string>;
  /** In a build, the pages' keys the last build made from the same data (../route-data/page-keys.ts). */
  pageKeys?: PageKeys;
}
