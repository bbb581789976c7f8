/**
 * The whole site's data, prepared once per build process before any page renders: content
 * loaded and validated, bodies rendered, both variants converted. Pages only pick from it.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LANGS, SOURCE_LANG, type Lang } from '../consts.ts';
import { BuildCache, codeVersion, hashOf } from './build-cache.ts';
import { contentDir, loadContent, type ArticleSource } from './content/load.ts';
import { ContentError, formatProblem, isError, type ContentProblem } from './content/problems.ts';
import { BodyLimitError } from './markdown/limits.ts';
import { createVariantConverter } from './convert/variant-converter.ts';
import { toSimplified } from './convert/opencc.ts';
import { buildArchive, type Archive, type ArchiveArticle } from './archive/archive.ts';
import { buildVariant, conversionKey, type ConvertedFields, type Variant } from './archive/variant.ts';
import { prepareBody, type PreparedBody } from './archive/prepare-body.ts';
import { inWorkers } from './archive/in-workers.ts';
import { timed, timedSync } from './timings.ts';

export interface Site {
  contentDir: string;
  archive: Archive;
  variants: Record<Lang, Variant>;
}

/**
 * The code whose output the caches hold: a change to it (or to a dependency) invalidates them, so
 * a restored CI cache can never serve stale HTML.
 */
const CACHED_CODE = ['package-lock.json', 'src/lib/markdown', 'src/lib/convert'];

/**
 * Kept on globalThis: the build loads this module more than once (the pages' bundle and the
 * search integration) and the data is prepared once for both.
 */
const state = globalThis as typeof globalThis & { __yiqihuiSite?: Promise<Site>; __yiqihuiContent?: string; __yiqihuiDev?: boolean };

/**
 * Whether this process is `npm run dev`, as Astro's command says (integrations call this from
 * `astro:config:setup`): the config's own modules see `import.meta.env.DEV` true even in a build,
 * so the search integration, which loads the site at the start of a build, would publish drafts.
 */
export function setDevMode(dev: boolean): void {
  state.__yiqihuiDev = dev;
}
const isDev = () => state.__yiqihuiDev ?? import.meta.env?.DEV === true;

/** `npm run dev` shows drafts so writers can preview them; builds never publish them. */
const showDrafts = isDev;

export function getSite(): Promise<Site> {
  const dir = contentDir();
  if (isDev()) {
    // `npm run dev`: the data follows the writer's edits to content/.
    const fingerprint = contentFingerprint(dir);
    if (fingerprint !== state.__yiqihuiContent) state.__yiqihuiSite = undefined;
    state.__yiqihuiContent = fingerprint;
  }
  // A failed load is not kept: in dev, the writer's next save is tried afresh.
  state.__yiqihuiSite ??= loadSite(dir).catch((error: unknown) => {
    state.__yiqihuiSite = undefined;
    throw error;
  });
  return state.__yiqihuiSite;
}

/** Every file's path, size and modification time: cheap enough to take on each dev request. */
function contentFingerprint(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((file) => {
      const stat = statSync(path.join(dir, file));
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
}

async function loadSite(dir: string): Promise<Site> {
  const { content, problems } = await timed('load', () => loadContent(dir));
  for (const p of problems.filter((p) => !isError(p))) console.warn(formatProblem(p));
  if (problems.some(isError)) throw new ContentError(problems);

  const version = codeVersion(...CACHED_CODE);
  const rendered = new BuildCache<PreparedBody>('markdown', dir, version);
  const converted = new BuildCache<ConvertedFields>('convert', dir, hashOf(version, JSON.stringify(content.glossary)));

  const published = content.articles.filter((a) => showDrafts() || !a.data.draft);
  await timed('markdown', () => prefill(rendered, published.map((a) => a.body), hashOf, (bodies) => inWorkers({ kind: 'render', items: bodies })));
  const refused: ContentProblem[] = [];
  const articles = timedSync('markdown', () => published
    .map((a): ArchiveArticle => {
      const body = rendered.get(hashOf(a.body), () => prepareOrReport(a, refused));
      return {
        slug: a.slug,
        file: a.file,
        title: a.data.title,
        summary: a.data.summary ?? body.summary,
        html: body.html,
        date: a.data.date,
        channels: a.data.channel,
        views: a.data.views,
        source: a.data.source,
        lang: a.data.lang as Lang,
        glossary: a.data.glossary ?? [],
      };
    }));
  // loadContent above refuses such bodies already; this holds should its cached facts ever
  // disagree with the renderer (a damaged .cache): a message naming the file, not a stack trace.
  if (refused.length > 0) throw new ContentError(refused);
  const archive = buildArchive(content.channels, content.merchants, articles, (a) =>
    a.lang === 'zh-Hant' ? toSimplified(a.title) : a.title,
  );
  const conversions = LANGS.flatMap((to) => archive.articles.map((article) => ({ article, to })));
  await timed('convert', () => prefill(converted, conversions, ({ article, to }) => conversionKey(article, to), (items) =>
    inWorkers({ kind: 'convert', glossary: content.glossary, items })));
  const converter = createVariantConverter(content.glossary);
  const variants = timedSync('convert', () => Object.fromEntries(
    LANGS.map((lang) => [lang, buildVariant(archive, lang, converter, converted, SOURCE_LANG)]),
  ) as Record<Lang, Variant>);
  rendered.save();
  converted.save();
  return { contentDir: dir, archive, variants };
}

/** The body rendered, or a placeholder while its problems go to `refused`, so that every refused body is named at once. */
function prepareOrReport(article: ArticleSource, refused: ContentProblem[]): PreparedBody {
  try {
    return prepareBody(article.body);
  } catch (error) {
    const at = (line: number) => article.bodyLine + line - 1;
    if (error instanceof BodyLimitError) {
      refused.push(...error.issues.map((issue) => ({ file: article.file, line: at(issue.line), message: issue.message })));
    } else {
      refused.push({
        file: article.file, line: article.bodyLine,
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
  cache: BuildCache<V>, items: I[], keyOf: (item: I) => string, inBatch: (missing: I[]) => Promise<V[] | undefined>,
): Promise<void> {
  const missing = items.filter((item) => !cache.has(keyOf(item)));
  if (missing.length === 0) return;
  // A batch fails as a whole (a body the renderer refuses stops its worker): the `get`s that
  // follow then do its items one at a time and name the article that failed.
  const values = await inBatch(missing).catch(() => undefined);
  values?.forEach((value, i) => cache.set(keyOf(missing[i]!), value));
}
