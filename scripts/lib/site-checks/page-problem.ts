/** One thing wrong with the built site, named by the page it is on (a site path like `/zh-hant/jingying/8/`). */
export interface PageProblem {
  page: string;
  message: string;
  /** The URL as written on the page, when the problem is about one. */
  link?: string;
}

export const formatPageProblem = (p: PageProblem): string => `${p.page}: ${p.message}`;
