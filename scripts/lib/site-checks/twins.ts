/** Every page exists in every variant: `/jingying/8/` and `/zh-hant/jingying/8/` come in pairs. */
import type { PageProblem } from './page-problem.ts';
import type { BuiltSite } from './built-site.ts';
import { fileOf, isSpecialPage, localeFolderOf, twinPath } from './site-paths.ts';

/** `folders` are the locale URL folders, `''` for the root: `Object.keys(LOCALES)`. */
export function checkTwins(site: BuiltSite, folders: readonly string[]): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const page of site.pages.values()) {
    if (isSpecialPage(page.path, folders)) continue;
    const own = localeFolderOf(page.path, folders);
    for (const folder of folders.filter((f) => f !== own)) {
      const twin = twinPath(page.path, folders, folder);
      if (site.pages.has(fileOf(twin))) continue;
      const variant = folder === '' ? 'root' : folder;
      problems.push({ page: page.path, message: `has no twin in the ${variant} variant: ${twin} is missing (build ${fileOf(twin)})` });
    }
  }
  return problems;
}
