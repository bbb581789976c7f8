/**
 * Pagefind's fragment files (`fragment/<hash>.pf_fragment`): gzip of a signature and the page's
 * JSON. The search index refers to a fragment by its file name only, so a fragment can be
 * rewritten in place — which is how one Pagefind run serves both variants (records.ts).
 * Checked against the pinned Pagefind by tests/unit/search/fragment.test.ts and the browser tests.
 */
import type { FragmentView } from './records.ts';

/** The fragment with a variant's view of its article written in; Pagefind's own fields kept. */
export function withView(fragment: Record<string, unknown>, view: FragmentView): Record<string, unknown> {
  return { ...fragment, url: view.url, content: view.content, meta: { ...(fragment.meta as object | undefined), ...view.meta } };
}
