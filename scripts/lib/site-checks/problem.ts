/** One thing wrong with the built site, named by the page it is on (a site path like `/zh-hant/jingying/8/`). */
export interface Problem {
  page: string;
  message: string;
  /** The URL as written on the page, when the problem is about one. */
  link?: string;
}

export const formatProblem = (p: Problem): string => `${p.page}: ${p.message}`;
