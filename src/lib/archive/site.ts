/** The site's data, everything the pages and the search index are made from (prepared by src/integrations/site-data/). */
import type { Lang } from '../../consts.ts';
import type { Archive } from './archive.ts';
import type { Variant } from './variant.ts';

export interface Site {
  contentDir: string;
  archive: Archive;
  variants: Record<Lang, Variant>;
}
