/** Modules that integrations (src/integrations/) provide to the pages through Vite. */
declare module 'virtual:yiqihui/page-csp' {
  /** The Content-Security-Policy for a page's `<meta>`; `null` in `astro dev`. */
  const policy: string | null;
  export default policy;
}
