/**
 * Checks of article bodies that `check` makes so the build has nothing left to find: every body
 * within the renderer's limits (see markdown/limits.ts), and every internal link, image and
 * in-page anchor resolved against the content, named by source file and line. The pages a link
 * may reach come from urls.ts, the same functions that make the site's own links.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { LANGS, PAGE_SIZE, SITE_URL, SOURCE_LANG } from '../../consts.ts';
import { BuildCache } from './build-cache.ts';
import { codeVersion } from '../code-version.ts';
import { hashOf } from '../../lib/hash.ts';
import { bodyFragments, bodyLinks, type BodyLink } from '../../lib/markdown/body-links.ts';
import {
  RENDER_BUDGET_MS,
  WATCHED_BYTES,
  hasRawHtml,
  parseWithinLimits,
  shallowWithoutParsing,
  sourceIssues,
  type BodyIssue,
} from '../../lib/markdown/limits.ts';
import { timeRenders } from './workers.ts';
import { bodySanitizeSchema } from '../../lib/markdown/sanitize-schema.ts';
import { SITE_FILE_URLS, articleUrl, channelUrl, feedUrl, homeUrl, searchUrl, twinUrl } from '../../lib/urls.ts';
import type { ArticleFrontmatter, Channel } from '../../lib/content/schema.ts';
import type { ContentProblem } from '../../lib/content/problems.ts';

/** What these checks read of an article (load.ts's ArticleSource, without importing it back). */
interface ArticleBody {
  slug: string;
  file: string;
  body: string;
  bodyHash: string;
  /** Line of the file the body starts on. */
  bodyLine: number;
  data: Pick<ArticleFrontmatter, 'channel' | 'draft'>;
}

/** What `check` keeps of a body between runs (in .cache/build), keyed by its text and the renderer's code. */
interface BodyFacts {
  issues: BodyIssue[];
  links: BodyLink[];
}

/** Files served as they are (images…): Astro copies public/ into the site. */
const PUBLIC_DIR = 'public';
const SITE = new URL(SITE_URL);
/** The facts of a body change only with the code that finds them (this module's graph) and the site's origin. */
export const BODY_FACTS_PRODUCERS = ['src/integrations/site-data/body-checks.ts'];

function bodyFacts(markdown: string): BodyFacts {
  // A body that cannot nest too deep nor link anywhere (no brackets, no raw HTML, no bare URL of
  // this site) has nothing to report: skipping its parse halves a cold check of plain prose.
  if (shallowWithoutParsing(markdown) && !markdown.includes(SITE.host)) return { issues: [], links: [] };
  const parsed = parseWithinLimits(markdown);
  return parsed.tree === undefined ? { issues: parsed.issues, links: [] } : { issues: [], links: bodyLinks(parsed.tree) };
}

/**
 * The bodies of `articles`, and of `unpublished` (articles whose front-matter is not valid: their
 * links are checked, but none goes to them). `channels` is undefined when channels.yaml is broken:
 * links are not judged then, as every channel page would seem missing.
 */
export async function checkBodies(
  articles: ArticleBody[],
  channels: Channel[] | undefined,
  problems: ContentProblem[],
  unpublished: ArticleBody[] = [],
): Promise<void> {
  // One file for every content dir: facts are keyed by the body's text alone, and a file per dir
  // would pile up in .cache/build with every fixture a test writes.
  const cache = new BuildCache<BodyFacts>('body-facts', '', hashOf(codeVersion(BODY_FACTS_PRODUCERS), SITE.origin));
  const checked = [...articles, ...unpublished];
  await factsOfNew(
    checked.filter((a) => !cache.has(a.bodyHash)),
    cache,
  );
  const site = channels && siteTargets(articles, channels, unpublished);
  // By article, not slug: an unpublished article may share its slug with a published one.
  const fragments = new Map<ArticleBody, Set<string>>();
  const fragmentsOf = (article: ArticleBody) => {
    let found = fragments.get(article);
    if (!found) fragments.set(article, (found = bodyFragments(article.body)));
    return found;
  };
  for (const article of checked) {
    const facts = cache.get(article.bodyHash, () => bodyFacts(article.body));
    const at = (line: number) => article.bodyLine + line - 1;
    for (const issue of facts.issues) problems.push({ file: article.file, line: at(issue.line), message: issue.message });
    for (const link of facts.links) {
      const removed = removedScheme(link);
      if (removed) problems.push({ file: article.file, line: at(link.line), severity: 'warning', message: removed });
      const message = site && linkProblem(link, article, site, fragmentsOf);
      if (message) problems.push({ file: article.file, line: at(link.line), message });
    }
  }
  cache.save();
}

/**
 * Facts of the bodies the cache lacks. Large ones and those with raw HTML are first rendered in
 * workers stopped at the budget (timeRenders), since parsing one here could take minutes.
 */
async function factsOfNew(articles: ArticleBody[], cache: BuildCache<BodyFacts>): Promise<void> {
  const timed: ArticleBody[] = [];
  for (const article of articles) {
    const { body } = article;
    if ((Buffer.byteLength(body) > WATCHED_BYTES || hasRawHtml(body)) && sourceIssues(body).length === 0) timed.push(article);
    else cache.set(article.bodyHash, bodyFacts(body));
  }
  const outcomes =
    timed.length > 0
      ? await timeRenders(
          timed.map((a) => a.body),
          RENDER_BUDGET_MS,
        )
      : new Map<number, boolean | string>();
  timed.forEach(({ body, bodyHash }, i) => {
    const outcome = outcomes.get(i) ?? true;
    // In time, or refused by the renderer: its limits say why (and if they don't, its error does).
    const facts = outcome === false ? { issues: [{ line: 1, message: TOO_SLOW }], links: [] } : bodyFacts(body);
    if (outcome === true || outcome === false || facts.issues.length > 0) return cache.set(bodyHash, facts);
    const message = `the body could not be rendered (${outcome}): simplify it where it nests or repeats most`;
    return cache.set(bodyHash, { issues: [{ line: 1, message }], links: [] });
  });
}

const TOO_SLOW =
  `the body takes longer than ${RENDER_BUDGET_MS / 1000} s to render (a normal one takes a few ms): ` +
  'split the article, or break up very long lists and tables';

interface SiteTargets {
  /** Every path the build makes, page or file, to the article it shows if it shows one. */
  paths: Map<string, ArticleBody | undefined>;
  /** Drafts' pages: they exist in `npm run dev` only. */
  drafts: Set<string>;
  /** Pages of articles not valid yet (their own problems are listed): a link to one is not a problem of its own. */
  unpublished: Set<string>;
  files: Set<string>;
}

function siteTargets(articles: ArticleBody[], channels: Channel[], unpublished: ArticleBody[]): SiteTargets {
  const published = articles.filter((a) => !a.data.draft);
  const paths = new Map<string, ArticleBody | undefined>(SITE_FILE_URLS.map((url) => [url, undefined]));
  const perChannel = new Map<string, number>();
  for (const a of published) for (const c of a.data.channel) perChannel.set(c, (perChannel.get(c) ?? 0) + 1);
  for (const lang of LANGS) {
    for (const url of [homeUrl(lang), searchUrl(lang), feedUrl(lang)]) paths.set(url, undefined);
    for (const { slug } of channels) {
      paths.set(feedUrl(lang, slug), undefined);
      const pages = Math.max(1, Math.ceil((perChannel.get(slug) ?? 0) / PAGE_SIZE));
      for (let page = 1; page <= pages; page++) paths.set(channelUrl(lang, slug, page), undefined);
    }
    for (const a of published) paths.set(articleUrl(lang, a.slug), a);
  }
  const pagesOf = (list: ArticleBody[]) => new Set(list.flatMap((a) => LANGS.map((lang) => articleUrl(lang, a.slug))));
  return { paths, drafts: pagesOf(articles.filter((a) => a.data.draft)), unpublished: pagesOf(unpublished), files: publicFiles() };
}

function publicFiles(): Set<string> {
  try {
    return new Set(readdirSync(PUBLIC_DIR, { recursive: true, encoding: 'utf8' }).map((f) => `/${f.split(path.sep).join('/')}`));
  } catch {
    return new Set();
  }
}

/**
 * A near miss in the same variant (`/zh-hant/articles/fin/` → `/zh-hant/articles/fine/`), or how
 * addresses are made: a far-off "did you mean" (`/nochannel/` → `/zh-hant/`) misleads more than it helps.
 */
function suggestion(target: string, site: SiteTargets): string {
  const lang = LANGS.find((l) => twinUrl(target, l) === target) ?? SOURCE_LANG;
  const bare = twinUrl(target, SOURCE_LANG);
  const candidates = [...site.paths.keys()].filter((p) => twinUrl(p, SOURCE_LANG) === p);
  const near = closest(bare, candidates);
  if (distance(bare, near) <= Math.max(2, bare.length / 4)) return ` (did you mean ${twinUrl(near, lang)}?)`;
  return `: an article is at ${articleUrl(lang, '<file name>')}, a channel at ${channelUrl(lang, '<slug from channels.yaml>')}`;
}

/**
 * A link or image whose scheme the sanitiser does not keep (`javascript:`, `data:`, `tel:`…) is
 * removed from the page without a trace: the writer is told, though nothing unsafe is published.
 */
function removedScheme(link: BodyLink): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link.url.trim())?.[1]?.toLowerCase();
  const kept = bodySanitizeSchema.protocols?.[link.kind === 'image' ? 'src' : 'href'] ?? [];
  if (scheme === undefined || kept.includes(scheme)) return undefined;
  const what = link.kind === 'image' ? 'the image' : 'the link';
  return `${what} "${link.url.slice(0, 40)}" is removed from the page: a ${scheme}: address is not kept (only ${kept.join(', ')}); write a web address or remove it`;
}

function linkProblem(
  link: BodyLink,
  from: ArticleBody,
  site: SiteTargets,
  fragmentsOf: (a: ArticleBody) => Set<string>,
): string | undefined {
  const written = `${link.kind === 'image' ? 'the image' : 'the link'} "${link.url}"`;
  let url: URL;
  try {
    url = new URL(link.url, new URL(articleUrl(SOURCE_LANG, from.slug), SITE));
  } catch {
    return `${written} is not a valid URL: check its spelling (spaces are written %20)`;
  }
  if (url.origin !== SITE.origin) return undefined;
  let target: string;
  let fragment: string;
  try {
    target = decodeURIComponent(url.pathname);
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return `${written} has a malformed percent-escape: % must be followed by two hex digits`;
  }
  if (link.kind === 'image' || site.files.has(target)) {
    return site.files.has(target)
      ? undefined
      : `${written} is not a file of the site: put it in ${PUBLIC_DIR}/ (as ${PUBLIC_DIR}${target}) or fix the path`;
  }
  // Its own page, even where it has none (a front-matter not valid): `#x` is judged by its own body.
  const own = () => LANGS.some((lang) => articleUrl(lang, from.slug) === target);
  if (site.drafts.has(target) && !from.data.draft && !own()) {
    return `${written} goes to a draft, which is not published: publish that article (delete its "draft: true") or remove the link`;
  }
  if (!site.paths.has(target) && !own()) {
    if (site.paths.has(`${target}/`)) return `${written} lacks the trailing slash: write ${target}/${url.hash}`;
    if (site.drafts.has(target) || site.unpublished.has(target)) return undefined;
    return `${written} goes to no page of the site${suggestion(target, site)}`;
  }
  if (fragment === '') return undefined;
  const article = own() ? from : site.paths.get(target);
  if (article === undefined || fragmentsOf(article).has(fragment)) return undefined;
  const where = article === from ? 'this article' : `the article ${articleUrl(SOURCE_LANG, article.slug)}`;
  return (
    `${written} goes to #${fragment}, but ${where} has no element with id="${fragment}": ` +
    'headings have no ids; mark the spot with <a id="…"></a>, or link to a footnote (#fn-1)'
  );
}
