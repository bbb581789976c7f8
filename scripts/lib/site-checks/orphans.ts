/** Every page can be reached from the home page by following links. */
import type { PageProblem } from './page-problem.ts';
import type { BuiltSite } from './built-site.ts';
import { fileOf, isSpecialPage } from './site-paths.ts';

const HOME = 'index.html';

/**
 * Breadth-first from `/` over what a reader can follow (`<a>`, `<area>`, `<form action>`), in
 * both variants at once: the variant switch links each page to its twin. `<link rel=alternate>`
 * and canonical URLs are not followed, since no reader can click them.
 */
export function checkOrphans(site: BuiltSite, folders: readonly string[]): PageProblem[] {
  if (!site.pages.has(HOME)) return [{ page: '/', message: `is missing: no ${HOME} to start the link walk from` }];
  const reached = new Set([HOME]);
  const queue = [HOME];
  // Iterating an array sees items pushed during the loop: the queue is walked without shift().
  for (const next of queue) {
    for (const ref of site.pages.get(next)?.references ?? []) {
      if (!ref.navigates || ref.target.kind !== 'internal') continue;
      const file = fileOf(ref.target.path);
      if (site.pages.has(file) && !reached.has(file)) {
        reached.add(file);
        queue.push(file);
      }
    }
  }
  return [...site.pages.entries()]
    .filter(([file, page]) => !reached.has(file) && !isSpecialPage(page.path, folders))
    .map(([, page]) => ({
      page: page.path,
      message: 'is an orphan: no chain of links from / reaches it; link it from a listing, the navigation or its twin',
    }));
}
