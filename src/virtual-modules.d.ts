/** The site data, handed to the routes by src/integrations/site-data.ts. */
declare module 'virtual:yiqihui/site' {
  export const getSite: typeof import('./lib/site.ts').getSite;
}
