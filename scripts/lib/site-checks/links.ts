/** Every internal URL on every page names a file in the tree, and every fragment an id on its page. */
import type { PageProblem } from './page-problem.ts';
import type { Page, ResolvedReference, BuiltSite } from './built-site.ts';
import { fileOf } from './site-paths.ts';

/** Fragments the HTML spec always scrolls to (the top of the page), whatever ids exist. */
const ALWAYS_FOUND = new Set(['', 'top']);

export function checkLinks(site: BuiltSite): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const page of site.pages.values()) {
    const seen = new Set<string>();
    for (const ref of page.references) {
      const message = linkProblem(ref, site);
      // Header and footer often repeat a link: one report per distinct problem on a page.
      if (message === undefined || seen.has(message)) continue;
      seen.add(message);
      problems.push({ page: page.path, link: ref.url, message });
    }
  }
  return problems;
}

function linkProblem(ref: ResolvedReference, site: BuiltSite): string | undefined {
  const { target } = ref;
  const written = `<${ref.via}="${ref.url}">`;
  if (target.kind === 'external') return undefined;
  if (target.kind === 'invalid') return `${written} ${target.reason}`;
  const file = fileOf(target.path);
  if (!site.files.has(file)) {
    return site.files.has(`${file}/index.html`)
      ? `${written} lacks the trailing slash: write ${target.path}/ (pages are folders)`
      : `${written} is broken: no ${file} in the built site`;
  }
  const targetPage = site.pages.get(file);
  // Fragments of non-HTML files (`sprite.svg#icon`, `doc.pdf#page=2`) are not ids to check here.
  if (target.fragment === undefined || targetPage === undefined || hasFragment(targetPage, target.fragment)) return undefined;
  return `${written} points at #${target.fragment}, but ${targetPage.path} has no element with id="${target.fragment}"`;
}

const hasFragment = (page: Page, fragment: string): boolean => page.ids.has(fragment) || ALWAYS_FOUND.has(fragment.toLowerCase());
