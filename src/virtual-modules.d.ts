/** Modules that integrations (src/integrations/) provide to the pages through Vite. */

/** The site data, handed to the routes by src/integrations/site-data/. */
declare module 'virtual:yiqihui/site' {
  export const getSite: typeof import('./integrations/site-data/site.ts').getSite;
  /** The segment this build renders (`--segment I/N`); undefined for the whole site. */
  export const segment: import('./lib/segments.ts').Segment | undefined;
}

declare module 'virtual:yiqihui/page-csp' {
  /** The Content-Security-Policy for a page's `<meta>`; `null` in `astro dev`. */
  const policy: string | null;
  export default policy;
}
