/**
 * The whole site's data, prepared once per build process before any page renders: content
 * loaded and validated, bodies rendered, both variants converted. Pages only pick from it.
 */
import path from 'node:path';
import { LANGS, SITE_URL, SOURCE_LANG, type Lang } from '../../consts.ts';
import { BuildCache } from './build-cache.ts';
import { hashOf } from '../../lib/hash.ts';
import { codeVersion } from '../code-version.ts';
import { loadContent, type ArticleSource, type Content } from './load-content.ts';
import { ContentError, isError, printProblems, type ContentProblem } from '../../lib/content/problems.ts';
import { BodyLimitError } from '../../lib/markdown/limits.ts';
import { createVariantConverter } from '../../lib/convert/variant-converter.ts';
import { buildArchive, type ArchiveArticle, type RelatedIndices } from '../../lib/archive/archive.ts';
import { relatedArticles } from '../../lib/archive/related.ts';
import type { Site } from '../../lib/archive/site.ts';
import {
  buildVariant,
  conversionKey,
  type ConvertedFields,
  type Memo,
  type SourceBodies,
  type Variant,
} from '../../lib/archive/variant.ts';
import { prepareBody, type PreparedBody } from '../../lib/archive/prepare-body.ts';
import { inWorkers, type RenderedBody, type StoredFields } from './workers.ts';
import { BodyStore, type BodyPlace } from './body-store.ts';
import { settings } from '../../config.ts';
import { articlesOfSegment } from '../../lib/search/shards.ts';
import type { Segment } from '../../lib/segments.ts';
import { timed, timedSync } from '../timings.ts';
import { PageKeys, type PageRestore } from '../../lib/route-data/page-keys.ts';
import { dataVersion, pageKeysFile, readPageKeys } from './page-keys-file.ts';

/**
 * The code that makes each cache's values, with everything it imports (../code-version.ts): a
 * change to any of it invalidates that cache, so a restored CI cache can never serve stale HTML.
 * The build worker computes the Markdown's values and the conversions, so it is a producer of both.
 */
export const CACHE_PRODUCERS = {
  markdown: ['src/lib/archive/prepare-body.ts', 'src/integrations/site-data/prepare-worker.ts', 'src/integrations/site-data/body-store.ts'],
  convert: [
    'src/lib/archive/variant.ts',
    'src/lib/convert/variant-converter.ts',
    'src/integrations/site-data/prepare-worker.ts',
    'src/integrations/site-data/body-store.ts',
  ],
  related: ['src/lib/archive/related.ts'],
};

/** What the site-data integration says about this process, from Astro's command. */
export interface SiteOptions {
  /** The content directory (`content/`, or CONTENT_DIR). */
  contentDir: string;
  /** `npm run dev` shows drafts so writers can preview them; builds never publish them. */
  drafts: boolean;
  /** A segment build (`--segment I/N`) prepares the bodies of its own articles only. */
  segment?: Segment;
  /** Whether the pages' keys are kept for the next build, and the last build's taken (a build, not `npm run dev`). */
  keepPageKeys: boolean;
}

// In a build, one instance of this module serves the whole process: the site-data integration
// imports it, and the routes reach it through that integration's virtual module (see there). So
// the data is prepared once for the pages and the search index, with no state outside this module.
let options: SiteOptions | undefined;
let loading: { valid: Promise<void>; site: Promise<Site> } | undefined;
/** Where a build's pages go whose keys the page store holds (`PageKeys.restore`): set by the site-data integration. */
let restore: PageRestore | undefined;

/** Called by the site-data integration before anything asks for the data; the same options again change nothing. */
export function configureSite(given: SiteOptions): void {
  if (JSON.stringify(given) === JSON.stringify(options)) return;
  options = given;
  loading = undefined;
}

/** Called by the site-data integration of a build, before anything asks for the data. */
export function restorePagesWith(given: PageRestore): void {
  restore = given;
}

/** The site data of this process, loaded on first use. */
export function getSite(): Promise<Site> {
  return load().site;
}

/**
 * Settles once the content is read and validated: the first step of `getSite`, which a build
 * waits for before anything else (it rejects with every problem), while the rest of the data is
 * prepared.
 */
export function validContent(): Promise<void> {
  return load().valid;
}

function load() {
  if (!options) {
    throw new Error('site data was asked for before the site-data integration configured it (src/integrations/site-data/)');
  }
  if (!loading) {
    const given = options;
    const content = readContent(given.contentDir);
    const site = content.then((c) => prepareSite(c, given));
    // A failed load is not kept: in dev, the writer's next save is tried afresh.
    site.catch(() => {
      loading = undefined;
    });
    // Nothing keeps the content once the site is prepared from it: its Markdown bodies are
    // half a GB at 50,000 articles, and the pages need only their HTML.
    const valid = content.then(() => undefined);
    // Awaited by a build only: in dev its rejection, unhandled, was shown as Node's "Unhandled
    // rejection" beside the content error each page reports through `site`.
    valid.catch(() => {});
    loading = { valid, site };
  }
  return loading;
}

async function readContent(dir: string): Promise<Content> {
  const { content, problems } = await timed('load', () => loadContent(dir));
  // With errors, every problem goes with the error, in file order, as `npm run check` lists them.
  if (problems.some(isError)) throw new ContentError(problems);
  printProblems(problems);
  return content;
}

async function prepareSite(content: Content, options: SiteOptions): Promise<Site> {
  const { contentDir: dir, drafts, segment } = options;
  // The site's address decides which links in a body leave the site (rel="noopener noreferrer").
  const markdownVersion = hashOf(codeVersion(CACHE_PRODUCERS.markdown), SITE_URL);
  const store = new BodyStore(path.join(settings.buildCacheDir, `bodies-${hashOf(dir).slice(0, 10)}`));
  const rendered = new BuildCache<RenderedBody>('markdown', dir, markdownVersion, (v) => store.has(v.place));
  const related = new BuildCache<number[][]>('related', dir, codeVersion(CACHE_PRODUCERS.related));
  // Conversions are keyed by the Markdown's hash, not its HTML's (conversionKey): the HTML is
  // the Markdown's as the markdown producers render it, so their version is part of this one.
  const converted = new BuildCache<StoredFields>(
    'convert',
    dir,
    hashOf(codeVersion(CACHE_PRODUCERS.convert), markdownVersion, JSON.stringify(content.glossary)),
    (v) => v.body === undefined || store.has(v.body.place),
  );

  const published = content.articles.filter((a) => drafts || !a.data.draft);
  await timed('markdown', () =>
    prefill(
      rendered,
      published,
      (a) => a.bodyHash,
      (missing) => inWorkers({ kind: 'render', bodies: store.dir, items: missing.map((a) => a.body) }),
      (value) => store.added(value.place),
    ),
  );
  const refused: ContentProblem[] = [];
  /** Where each article's body HTML is in the store, by slug, until the variants are made from it. */
  const bodies = new Map<string, BodyPlace>();
  const articles = timedSync('markdown', () =>
    published.map((a): ArchiveArticle => {
      const body = rendered.get(a.bodyHash, () => {
        const { html, summary } = prepareOrReport(a, refused);
        return { summary, place: store.put(html) };
      });
      bodies.set(a.slug, body.place);
      return {
        slug: a.slug,
        file: a.file,
        title: a.data.title,
        summary: a.data.summary ?? body.summary,
        bodyHash: a.bodyHash,
        date: a.data.date,
        channels: a.data.channel,
        views: a.data.views,
        source: a.data.source,
        lang: a.data.lang as Lang,
        glossary: a.data.glossary ?? [],
        ...(a.data.draft && { draft: true as const }),
      };
    }),
  );
  // loadContent refuses such bodies already; this holds should its cached facts ever disagree
  // with the renderer (a damaged .cache): a message naming the file, not a stack trace.
  if (refused.length > 0) throw new ContentError(refused);
  // Every body is rendered, for its summary (listings show every article), but a segment converts
  // and keeps only its own articles' bodies.
  const ownArticles = articlesOfSegment(articles, settings.searchShardSize, segment);
  const placeOf = (a: ArchiveArticle) => (ownArticles === undefined || ownArticles.has(a.slug) ? bodies.get(a.slug) : undefined);
  const archive = buildArchive(content.channels, content.merchants, articles, relatedKeptIn(related));
  // Article by article, both variants side by side: the workers take consecutive shares, and
  // converting into the article's own script costs next to nothing (by variant, one worker took 2.4x
  // as long as the other).
  const conversions = archive.articles.flatMap((article) => LANGS.map((to) => ({ article, to, place: placeOf(article) })));
  await timed('convert', () =>
    prefill(
      converted,
      conversions,
      ({ article, to, place }) => conversionKey(article, to, place !== undefined),
      (missing) =>
        inWorkers({
          kind: 'convert',
          bodies: store.dir,
          glossary: content.glossary,
          items: missing.map(({ article, to, place }) => ({ article: { ...article, place }, to })),
        }),
      (value) => value.body && store.added(value.body.place),
    ),
  );
  const converter = createVariantConverter(content.glossary);
  /** The conversions as the variants take them: from the cache, with their bodies read from the store when printed. */
  const fields: Memo<ConvertedFields> = {
    get(key, compute) {
      const { title, summary, source, body } = converted.get(key, () => {
        const { body: made, ...computed } = compute();
        return { ...computed, body: made && { hash: made.hash, place: store.put(made.html) } };
      });
      return { title, summary, source, body: body && store.body(body.hash, body.place) };
    },
  };
  const sourceBodies: SourceBodies = {
    has: (a) => placeOf(a) !== undefined,
    html: (a) => store.read(placeOf(a)!),
  };
  const variants = timedSync(
    'convert',
    () =>
      Object.fromEntries(LANGS.map((lang) => [lang, buildVariant(archive, lang, converter, fields, SOURCE_LANG, sourceBodies)])) as Record<
        Lang,
        Variant
      >,
  );
  related.save();
  // Bodies neither cache holds any more are of no build to come.
  const kept: BodyPlace[] = [];
  for (const value of rendered.save()) kept.push(value.place);
  for (const value of converted.save()) if (value.body) kept.push(value.body.place);
  store.prune(kept);
  return {
    contentDir: dir,
    archive,
    variants,
    ownArticles,
    pageKeys: options.keepPageKeys ? lastPageKeys(content, published, articles, options) : undefined,
  };
}

/**
 * The related articles, by the titles (each with its script) in the archive's order: kept from the
 * last build while no title changes, as after an edit of a body. Finding them again, with the
 * traditional titles converted to compare, took 0.3 s of a 50,000-article edit rebuild's main
 * thread (`node --cpu-prof`).
 */
function relatedKeptIn(cache: BuildCache<number[][]>): RelatedIndices {
  return (sorted, count) =>
    cache.get(hashOf(String(count), JSON.stringify(sorted.map((a) => [a.lang, a.title]))), () => relatedArticles(sorted, count));
}

/**
 * The keys the last build made from the same site data, bodies aside: a body is printed by its
 * article's page alone, whose key takes the body's hash (../../lib/route-data/page-keys.ts). An
 * article's fields in the site data are its file's (slug and path), its front-matter's and, where
 * the front-matter has none, the summary made from its body: so these stand for it. The
 * front-matter is taken by the hash made when the file was read (load-content.ts): its fields'
 * JSON, 22 million characters at 50,000 articles, took 1.2 s of an edit rebuild to make and hash.
 */
function lastPageKeys(content: Content, published: ArticleSource[], articles: ArchiveArticle[], options: SiteOptions): PageKeys {
  const version = dataVersion(
    options,
    content.channels,
    content.merchants,
    content.glossary,
    published.map((a, i) => [a.file, a.dataHash, a.data.summary === undefined ? hashOf(articles[i]!.summary) : '']),
  );
  return new PageKeys(version, readPageKeys(pageKeysFile(options.contentDir, options.segment), version), settings.checkPageKeys, restore);
}

/** The body rendered, or a placeholder while its problems go to `refused`, so that every refused body is named at once. */
function prepareOrReport(article: ArticleSource, refused: ContentProblem[]): PreparedBody {
  // Outside the `try`: a file changed since it was read is a problem of its own, not the renderer's.
  const markdown = article.body;
  try {
    return prepareBody(markdown);
  } catch (error) {
    const at = (line: number) => article.bodyLine + line - 1;
    if (error instanceof BodyLimitError) {
      refused.push(...error.issues.map((issue) => ({ file: article.file, line: at(issue.line), message: issue.message })));
    } else {
      refused.push({
        file: article.file,
        line: article.bodyLine,
        message: `the body could not be rendered (${(error as Error).message}): run npm run check, and report the body if it finds nothing`,
      });
    }
    return { html: '', summary: '' };
  }
}

/**
 * Computes what the cache lacks in one batch (in workers, when there is enough of it), so that
 * the `get`s that follow find it; what the batch leaves out they compute themselves.
 */
async function prefill<I, V>(
  cache: BuildCache<V>,
  items: I[],
  keyOf: (item: I) => string,
  inBatch: (missing: I[]) => Promise<V[] | undefined>,
  stored: (value: V) => void,
): Promise<void> {
  const missing = items.filter((item) => !cache.has(keyOf(item)));
  if (missing.length === 0) return;
  // A batch fails as a whole (a body the renderer refuses stops its worker): the `get`s that
  // follow then do its items one at a time and name the article that failed.
  const values = await inBatch(missing).catch(() => undefined);
  values?.forEach((value, i) => {
    stored(value);
    cache.set(keyOf(missing[i]!), value);
  });
}
