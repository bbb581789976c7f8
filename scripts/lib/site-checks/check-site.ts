/** Every check over a built `dist/` in one call, for the tests and the `check-site` CLI. */
import { checkLinks } from './links.ts';
import { checkOrphans } from './orphans.ts';
import { checkSearchBundles } from './search-bundles.ts';
import type { PageProblem } from './page-problem.ts';
import { readBuiltSite } from './built-site.ts';
import { checkTwins } from './twins.ts';
import { validatePages, type KnownValidations, type ValidationProblem } from './validate.ts';
import { checkXml } from './xml.ts';

export interface CheckSiteOptions {
  /** The site's own origin (`new URL(SITE_URL).origin`): absolute URLs on it are internal. */
  origin: string;
  /** The locale URL folders, `''` for the root: `Object.keys(LOCALES)`. */
  localeFolders: readonly string[];
  /** Run html-validate too (the slowest check; on by default). */
  validate?: boolean;
  /** What html-validate said before about page texts (by their hash): those pages are not validated again. */
  known?: KnownValidations;
}

export async function checkSite(dist: string, options: CheckSiteOptions): Promise<PageProblem[]> {
  const site = await readBuiltSite(dist, options.origin);
  const validation = options.validate === false ? [] : await validatePages(dist, undefined, options.known);
  return [
    ...site.unreadable,
    ...checkLinks(site),
    ...checkTwins(site, options.localeFolders),
    ...checkOrphans(site, options.localeFolders),
    ...checkXml(dist, site.files),
    ...(await checkSearchBundles(dist, site.files, options.localeFolders)),
    ...validation.map(asProblem),
  ];
}

const asProblem = (v: ValidationProblem): PageProblem => ({
  page: v.page,
  message: `line ${v.line}, column ${v.column}: ${v.message} (html-validate rule ${v.rule})`,
});
