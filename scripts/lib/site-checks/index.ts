/** Integrity checks over a built site: links, twins, orphans, valid HTML and XML, whole search bundles, determinism. */
export { checkSite, type CheckSiteOptions } from './check-site.ts';
export { diffTrees, hashTree, type TreeDifference } from './determinism.ts';
export { checkLinks } from './links.ts';
export { checkOrphans } from './orphans.ts';
export { formatPageProblem, type PageProblem } from './page-problem.ts';
export { readBuiltSite, type BuiltSite } from './built-site.ts';
export { checkTwins } from './twins.ts';
export { validatePages, type ValidationProblem } from './validate.ts';
export { checkXml, xmlErrors } from './xml.ts';
export { checkSearchBundles } from './search-bundles.ts';
export { checkSiteScript, protectedTexts, type SiteScriptProblem } from './han-script.ts';
