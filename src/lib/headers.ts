/**
 * The site's response headers, the one place for them: `_headers` (Netlify / Cloudflare Pages
 * format), which the build writes into the site for hosts that read it, and the
 * Content-Security-Policy that every page also carries in a `<meta>` for hosts that don't
 * (GitHub Pages, where the workflow deploys). README, "Deploying", says which host gets what.
 */

/**
 * The Content-Security-Policy. The site is static: no inline script or style, scripts and styles
 * only from this origin; 'wasm-unsafe-eval' lets Pagefind run its WebAssembly search, nothing else
 * evaluates code. Images in articles may come from other https hosts (imported legacy content).
 */
const CSP: Record<string, readonly string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'https:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': [],
};

/** Directives a policy in `<meta>` cannot carry (CSP Level 3): browsers ignore them there. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const policy = (directives: [string, readonly string[]][]): string =>
  directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

export const CSP_HEADER = policy(Object.entries(CSP));
/** What a `<meta http-equiv="Content-Security-Policy">` can say of the policy: all but the header-only directives. */
export const CSP_META = policy(Object.entries(CSP).filter(([name]) => !HEADER_ONLY.has(name)));

/** `_headers`, as the build writes it into the site. */
export const HEADERS_FILE = `# CDN response headers (Netlify / Cloudflare Pages format), written by the build from
# src/lib/headers.ts; see README "Deploying" for other hosts. Every page carries the same
# Content-Security-Policy in a <meta> too, less what only a header can say (frame-ancestors).
/*
  Content-Security-Policy: ${CSP_HEADER}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
  Cache-Control: public, max-age=300, must-revalidate

# Content-hashed build assets never change under the same name.
/_astro/*
  Cache-Control: public, max-age=31536000, immutable

# Pagefind's index and filter chunks are named by the hash of their content, in every volume;
# its entry files (pagefind.js, pagefind-entry.json, the wasm) are not, and keep the short default.
# So are the fragments: each variant's are named by their place in the index (a renamed channel
# or a glossary change alters them under the same name), so they must be revalidated.
/pagefind/index/*
  Cache-Control: public, max-age=31536000, immutable
/pagefind/filter/*
  Cache-Control: public, max-age=31536000, immutable
/pagefind/:volume/index/*
  Cache-Control: public, max-age=31536000, immutable
/pagefind/:volume/filter/*
  Cache-Control: public, max-age=31536000, immutable
/zh-hant/pagefind/index/*
  Cache-Control: public, max-age=31536000, immutable
/zh-hant/pagefind/filter/*
  Cache-Control: public, max-age=31536000, immutable
/zh-hant/pagefind/:volume/index/*
  Cache-Control: public, max-age=31536000, immutable
/zh-hant/pagefind/:volume/filter/*
  Cache-Control: public, max-age=31536000, immutable
`;
