/**
 * Pagefind's fragment files (`fragment/<hash>.pf_fragment`): gzip of a signature and the page's
 * JSON. The search index refers to a fragment by its file name only, so a fragment can be
 * rewritten in place — which is how one Pagefind run serves both variants (records.ts).
 * Checked against the pinned Pagefind by tests/unit/search/fragment.test.ts and the browser tests.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FragmentView } from './records.ts';

const SIGNATURE = 'pagefind_dcd';

export function decodeFragment(file: Uint8Array, name: string): Record<string, unknown> {
  const text = gunzipSync(file).toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`search: ${name} is not a Pagefind fragment (no "${SIGNATURE}" signature)`);
  return JSON.parse(text.slice(SIGNATURE.length)) as Record<string, unknown>;
}

export function encodeFragment(fragment: Record<string, unknown>): Buffer {
  return gzipSync(SIGNATURE + JSON.stringify(fragment));
}

/** The fragment with a variant's view of its article written in; Pagefind's own fields kept. */
export function withView(fragment: Record<string, unknown>, view: FragmentView): Record<string, unknown> {
  return { ...fragment, url: view.url, content: view.content, meta: { ...(fragment.meta as object | undefined), ...view.meta } };
}
