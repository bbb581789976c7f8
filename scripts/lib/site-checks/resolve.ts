/** Where a URL written on a page points, judged without touching the disk. */

export type Target =
  /** Another origin, or a scheme with no file behind it (`mailto:`, `data:`, `javascript:`). */
  | { kind: 'external' }
  /** A path on this site, percent-decoded, with the fragment (decoded too) if there is one. */
  | { kind: 'internal'; path: string; fragment: string | undefined }
  | { kind: 'invalid'; reason: string };

/**
 * Resolves `url` as a browser would on the page served at `pagePath` of `origin`. The query
 * string is dropped: a static host serves the same file whatever it says.
 */
export function resolveUrl(url: string, pagePath: string, origin: string): Target {
  const base = new URL(pagePath, origin);
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    return { kind: 'invalid', reason: 'is not a valid URL' };
  }
  if (resolved.origin !== base.origin) return { kind: 'external' };
  try {
    const path = decodeURIComponent(resolved.pathname);
    const fragment = resolved.hash === '' ? undefined : decodeURIComponent(resolved.hash.slice(1));
    return { kind: 'internal', path, fragment };
  } catch {
    return { kind: 'invalid', reason: 'has a malformed percent-escape (% must be followed by two hex digits of UTF-8)' };
  }
}

/** A scheme (`https:`, `mailto:`) or a leading `/` (browsers read `\` as `/`): the same target from every page. */
const PAGE_INDEPENDENT = /^\s*(?:[a-z][a-z0-9+.-]*:|[/\\])/i;

export const isPageIndependent = (url: string): boolean => PAGE_INDEPENDENT.test(url);
