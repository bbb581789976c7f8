/**
 * Reads and validates everything under a content directory. Every problem in every file is
 * collected (never the first one only), so a writer fixes a whole batch in one go.
 */
import {
  closeSync,
  existsSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import {
  ARTICLE_KEYS,
  LONG_TITLE,
  articleSchema,
  channelsSchema,
  MAX_SLUG_LENGTH,
  merchantsSchema,
  SLUG_CHARS,
  slugSchema,
  shown,
  type ArticleFrontmatter,
  type Channel,
  type GlossaryEntry,
  type Merchant,
} from '../../lib/content/schema.ts';
import { fieldName, keyLineProblems, parseYaml, type ParsedYaml } from '../../lib/content/yaml.ts';
import { ContentError, type ContentProblem } from '../../lib/content/problems.ts';
import { suggestSlug } from '../../lib/content/suggest-slug.ts';
import { byCodeUnit } from '../../lib/code-unit-order.ts';
import { didYouMean } from '../../lib/content/did-you-mean.ts';
import { describeControlChars } from '../../lib/content/text-rules.ts';
import { settings } from '../../config.ts';
import { hashOf, hashOfFile } from '../../lib/hash.ts';
import { codeVersion } from '../code-version.ts';
import { BuildCache } from './build-cache.ts';
import { checkBodies } from './body-checks.ts';
import { checkGlossaryEntries, parseGlossary } from '../../lib/convert/glossary.ts';
import { findMarkerProblems } from '../../lib/convert/marker-problems.ts';

export type { GlossaryEntry };

export interface ArticleSource {
  slug: string;
  /** Path for messages, relative to the working directory. */
  file: string;
  data: ArticleFrontmatter;
  /**
   * The hash of `data`: made once, when the file is read, and cached with it, so that a build
   * tells whether the site data changed without hashing every article's fields again (site.ts).
   */
  dataHash: string;
  /** Markdown below the front-matter. */
  body: string;
  /** The body's hash, the key of what is cached about it (its checks, its HTML): hashed once, here. */
  bodyHash: string;
  /** Line of the file the body starts on. */
  bodyLine: number;
  /** Line of each front-matter key, for messages about cross-file checks. */
  lines: Record<string, number | undefined>;
}

/**
 * An article whose front-matter or file name is not valid, as far as it can still be checked: its
 * body (its links, images and markup), its slug (taken twice?) and, where valid on their own, its
 * channels and draft flag. Checked so that one broken field does not hide the file's other
 * problems; never published.
 */
export interface ArticleRemains extends Omit<ArticleSource, 'data' | 'dataHash'> {
  data: Pick<ArticleFrontmatter, 'channel' | 'draft'>;
  /** Whether its file name is a slug (so it is one of the slugs that must be unique). */
  named: boolean;
}

export interface Content {
  channels: Channel[];
  merchants: Merchant[];
  glossary: GlossaryEntry[];
  articles: ArticleSource[];
}

/** Above this an article is almost certainly pasted data, not prose: refuse it with a reason. */
export const MAX_ARTICLE_BYTES = 1_000_000;

export const CONTENT_FILES = {
  channels: 'channels.yaml',
  merchants: 'merchants.yaml',
  glossary: 'glossary.yaml',
  articles: 'articles',
} as const;

/** The content directory: `content/`, or `CONTENT_DIR` for fixtures and benchmarks (config.ts). */
export const contentDir = () => settings.contentDir;

const displayPath = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
};

export interface LoadResult {
  content: Content;
  problems: ContentProblem[];
  /** Article files read, valid or not. */
  articleFiles: number;
}

export async function loadContent(dir: string): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const folder = contentFolderProblem(dir);
  if (folder) {
    return { content: { channels: [], merchants: [], glossary: [], articles: [] }, problems: [folder], articleFiles: 0 };
  }
  const channels = readRegistry(path.join(dir, CONTENT_FILES.channels), channelsSchema, problems, true, checkChannels);
  const merchants = readRegistry(path.join(dir, CONTENT_FILES.merchants), merchantsSchema, problems, false);
  const glossary = readGlossary(path.join(dir, CONTENT_FILES.glossary), problems);
  const articles = readArticles(listArticles(dir, problems), problems);
  const all = [...articles.valid, ...articles.remains];
  if (channels) checkArticleChannels(all, channels, problems);
  checkDuplicateSlugs([...articles.valid, ...articles.remains.filter((r) => r.named)], problems);
  await checkBodies(articles.valid, channels, problems, articles.remains);
  return {
    content: { channels: channels ?? [], merchants: merchants ?? [], glossary: glossary ?? [], articles: articles.valid },
    problems,
    articleFiles: articles.files,
  };
}

/** Why `dir` is no content folder at all (missing, a file): one message instead of one per file it should hold. */
export function contentFolderProblem(dir: string): ContentProblem | undefined {
  const fix = 'name the folder that holds articles/ and channels.yaml (--content <dir>, or CONTENT_DIR)';
  try {
    if (statSync(dir).isDirectory()) return undefined;
    return { file: displayPath(dir), message: `is a file, not a content folder: ${fix}` };
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    return { file: displayPath(dir), message: code === 'ENOENT' ? `does not exist: ${fix}` : unreadable(error) };
  }
}

/**
 * A YAML registry beside the articles (channels, merchants, glossary). `check` finds what is wrong
 * across its entries without making the registry unusable for the other checks (a channel listed
 * twice still names the articles' channels).
 */
export function readRegistry<T extends z.ZodType>(
  file: string,
  schema: T,
  problems: ContentProblem[],
  required: boolean,
  check?: (value: z.infer<T>, lineOf: (keyPath: (string | number)[]) => number | undefined, file: string) => ContentProblem[],
): z.infer<T> | undefined {
  const shownFile = displayPath(file);
  const text = readText(file, shownFile, problems, required);
  if (text === undefined) return required ? undefined : ([] as z.infer<T>);
  const parsed = parseYaml(text, shownFile, 1, problems, { textKeys: REGISTRY_TEXT_KEYS });
  if (!parsed) return undefined;
  const value = validate(schema, parsed.value ?? [], parsed, shownFile, problems);
  if (value !== undefined && check) problems.push(...check(value, (keyPath) => lineFor(parsed, keyPath), shownFile));
  return value;
}

function readGlossary(file: string, problems: ContentProblem[]): GlossaryEntry[] | undefined {
  const shownFile = displayPath(file);
  const text = readText(file, shownFile, problems, false);
  if (text === undefined) return [];
  const { entries, errors } = parseGlossary(text, shownFile);
  problems.push(...errors);
  return entries;
}

function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  parsed: ParsedYaml,
  file: string,
  problems: ContentProblem[],
): z.infer<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keyPath = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    // An unknown key is named on its own line, each one.
    const found =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ keyPath: [...keyPath, key], message: `unknown key "${key}"` }))
        : [{ keyPath, message: notFields(issue, valueAt(value, keyPath)) ?? issue.message }];
    for (const { keyPath, message } of found)
      problems.push({ file, line: lineFor(parsed, keyPath), field: fieldName(keyPath) || undefined, message });
  }
  return undefined;
}

const valueAt = (value: unknown, keyPath: (string | number)[]) =>
  keyPath.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);

/** For an entry written as text where fields belong (`- slug kuajing`, the colon left out): what to write. */
function notFields(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'object' || typeof value !== 'string') return undefined;
  return `is the text ${shown(value)}, not fields: write each field on a line of its own as "key: value", a colon and a space after the key`;
}

/** The line of the deepest part of `keyPath` the document has. */
function lineFor(parsed: ParsedYaml, keyPath: (string | number)[]): number | undefined {
  for (let n = keyPath.length; n > 0; n--) {
    const line = parsed.lineOf(keyPath.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The file's text, or undefined with its problems (missing, unreadable, not UTF-8). */
function readText(file: string, shownFile: string, problems: ContentProblem[], required: boolean): string | undefined {
  const bytes = readBytes(file, shownFile, problems, required);
  return bytes && textOf(bytes, shownFile, problems);
}

/**
 * The file's bytes, read synchronously (for thousands of small files several times faster than
 * promises), into a buffer every read shares: the bytes are good until the next read, so a caller
 * hashes or decodes them at once. A buffer of its own for each of 50,000 articles was 0.4 GB of
 * memory outside V8's heap, which had V8 run five full garbage collections in a row while the
 * files were read (`--trace-gc`).
 */
function readBytes(
  file: string,
  shownFile: string,
  problems: ContentProblem[],
  required: boolean,
  maxBytes = Number.POSITIVE_INFINITY,
): Buffer | undefined {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Opened without waiting (a FIFO would block until a writer comes) and checked before reading:
    // a FIFO would never end, a device or a huge file would exhaust memory.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      problems.push({ file: shownFile, message: notAFile(stat) });
      return undefined;
    }
    if (stat.size > maxBytes) {
      problems.push({
        file: shownFile,
        message:
          `is ${(stat.size / 1e6).toFixed(1)} MB; an article may be at most ${maxBytes / 1e6} MB: ` +
          'remove embedded data (images belong in files) or split it',
      });
      return undefined;
    }
    bytes = readInto(fd, stat.size);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (required) problems.push({ file: shownFile, message: 'is missing' });
      return undefined;
    }
    problems.push({ file: shownFile, message: unreadable(error) });
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return bytes;
}

/** The text of a file's bytes, or undefined where they are not UTF-8 (a problem says where). */
function textOf(bytes: Buffer, shownFile: string, problems: ContentProblem[]): string | undefined {
  try {
    // A BOM and CRLF line endings come from ordinary Windows editors: accept them.
    return new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    const at = firstInvalidUtf8Line(bytes);
    problems.push({
      file: shownFile,
      line: at,
      message: 'is not UTF-8 text: save it as UTF-8 (GBK/Big5 files must be converted, e.g. iconv -f GBK -t UTF-8)',
    });
    return undefined;
  }
}

const unreadable = (error: unknown) => {
  const { code } = error as NodeJS.ErrnoException;
  return code === 'EACCES' || code === 'EPERM'
    ? "can't be read (permission denied): make it readable (chmod u+rwX) or move it out of content/"
    : code === 'ENOTDIR'
      ? 'is a file where a folder belongs: articles go in the folder content/articles'
      : `can't be read (${code ?? (error as Error).message}): check that it is an ordinary file or folder, or move it out of content/`;
};

function notAFile(stat: Stats | Dirent): string {
  const kind = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : stat.isDirectory()
          ? 'a folder'
          : 'a special file';
  return `is ${kind}, not an ordinary file: content holds ordinary files only; replace or remove it`;
}

function firstInvalidUtf8Line(bytes: Buffer): number {
  const decoded = bytes.toString('utf8');
  const bad = decoded.indexOf('\uFFFD');
  return decoded.slice(0, Math.max(bad, 0)).split('\n').length;
}

/**
 * The article files under `articles/`, in name order. Hidden files and folders (a name starting
 * with ".": editors' and operating systems' own, such as .trash or .obsidian) are skipped, as
 * every static site generator does. Links are followed only where they stay inside the content
 * folder, and each folder and each article is read once, so a link can neither publish files from
 * elsewhere, nor loop, nor put one article at two addresses; whatever is not an ordinary file or
 * folder is reported, never opened. Problems come in file order.
 */
export function listArticles(contentRoot: string, problems: ContentProblem[]): string[] {
  const found = problems.length;
  const files = listArticlesWalking(contentRoot, problems);
  // In file order, as a writer reads them: links to folders are judged after the walk.
  problems.push(...problems.splice(found).sort((a, b) => byCodeUnit(a.file, b.file)));
  return files;
}

/**
 * The path of the entry `name` of the folder `dir`, a path the walk made: joined, not normalised
 * again as `path.join` does (a name holds no separator), which took two thirds of a walk of
 * 50,000 articles (0.2 s of 0.3 s).
 */
const inside = (dir: string, name: string) => (dir.endsWith(path.sep) ? `${dir}${name}` : `${dir}${path.sep}${name}`);

/** The walk `listArticles` makes, its problems in the order it meets them. */
function listArticlesWalking(contentRoot: string, problems: ContentProblem[]): string[] {
  const root = realpathOr(contentRoot);
  const files: string[] = [];
  const seen = new Set<string>();
  /** Links to folders, read once every folder reached without one is. */
  const linkedFolders: string[] = [];
  /** Each article file read, by its real path: a link to one read already is a second way in. */
  const read = new Map<string, { file: string; link: boolean }>();
  const readOnce = (file: string, real: string, link: boolean) => {
    const first = read.get(real);
    if (!first) {
      read.set(real, { file, link });
      files.push(file);
      return;
    }
    // The link is the second way in, whichever the walk came to first.
    const [kept, dropped] = first.link && !link ? [{ file, link }, first] : [first, { file, link }];
    problems.push({
      file: displayPath(dropped.file),
      message: `is a link to the article ${displayPath(real)}, which is read already (one article at two addresses): remove the link`,
    });
    read.set(real, kept);
    if (kept.file === file) {
      files.splice(files.indexOf(first.file), 1);
      files.push(file);
    }
  };
  const visit = (dir: string) => {
    const realDir = realpathOr(dir);
    seen.add(realDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dir !== articlesDir) {
        problems.push({ file: displayPath(dir), message: unreadable(error) });
      } else {
        // Not an error: a new archive has none yet (npm run new and import make it).
        problems.push({ file: displayPath(dir), severity: 'warning', message: missingArticles(contentRoot) });
      }
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = inside(dir, entry.name);
      if (entry.name.startsWith('.')) {
        if (entry.isFile() && entry.name.endsWith('.md')) {
          problems.push({
            file: displayPath(full),
            severity: 'warning',
            message: `is not published: a name starting with "." is hidden; to publish it, rename it ${hiddenFix(entry.name)}`,
          });
        }
        continue;
      }
      const kind = entry.isSymbolicLink() ? followLink(full, root, problems) : entry;
      if (!kind) continue;
      if (kind.isDirectory()) {
        // A linked folder is read after the folders themselves: the link is then the second way
        // in, whichever the walk comes to first (articles/0-old → 2019 blamed the real 2019).
        if (entry.isSymbolicLink()) linkedFolders.push(full);
        else visit(full);
      } else if (!kind.isFile()) {
        problems.push({ file: displayPath(full), message: notAFile(kind) });
      } else if (entry.name.endsWith('.md')) {
        const link = entry.isSymbolicLink();
        readOnce(full, link ? realpathOr(full) : inside(realDir, entry.name), link);
      } else {
        problems.push({
          file: displayPath(full),
          severity: 'warning',
          message: `is ignored: articles are .md files${markdownFix(entry.name)}`,
        });
      }
    }
  };
  const articlesDir = path.join(contentRoot, CONTENT_FILES.articles);
  // `articles` itself may be a link too: it gets the same check as any link below it.
  if (isLink(articlesDir) && !followLink(articlesDir, root, problems)) return [];
  visit(articlesDir);
  for (let link = linkedFolders.shift(); link !== undefined; link = linkedFolders.shift()) {
    const real = realpathOr(link);
    if (!seen.has(real)) visit(link);
    else
      problems.push({
        file: displayPath(link),
        message: `is a link to the folder ${displayPath(real)}, which is read already (a loop or a second way in): remove the link`,
      });
  }
  return files;
}

/** For a content folder without `articles/`: no article is published; a folder named so but for its case is named. */
function missingArticles(contentRoot: string): string {
  let lookalike: string | undefined;
  try {
    lookalike = readdirSync(contentRoot).find((name) => name.toLowerCase() === CONTENT_FILES.articles && name !== CONTENT_FILES.articles);
  } catch {
    // No content folder at all: the registries' own problems say so.
  }
  const fix =
    lookalike === undefined ? '' : `; "${lookalike}" is not it (names are case-sensitive): rename it to "${CONTENT_FILES.articles}"`;
  return `is missing, so no article is published: articles go in ${CONTENT_FILES.articles}/<yyyy>/<mm>/<slug>.md (npm run new makes one)${fix}`;
}

/** Why a command must not write through a folder that links out of the content folder. */
export const LINK_OUT = 'is a link out of the content folder: a file written there lands where check never reads';

/**
 * The first folder on the way to one of `files` (relative to `contentDir`, with forward slashes)
 * that leads out of the content folder (`articles` linked elsewhere): `npm run new` and
 * `npm run import` write nothing then, as check would not read what they wrote.
 */
export function linkOutOf(contentDir: string, files: string[]): string | undefined {
  const root = realpathOr(contentDir);
  const ancestors = (folder: string) => (folder === '.' ? [] : folder.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')));
  const folders = [...new Set(files.flatMap((file) => ancestors(path.posix.dirname(file))))].sort();
  return folders
    .map((folder) => path.join(contentDir, folder))
    .find((folder) => {
      // A folder not there yet is made inside its parent, which was judged before it.
      const real = existsSync(folder) ? realpathOr(folder) : root;
      return real !== root && !real.startsWith(root + path.sep);
    });
}

const isLink = (file: string) => {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
};

const realpathOr = (file: string) => {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

/** What a symbolic link points to, if it may be followed; otherwise the reason is reported. */
function followLink(link: string, root: string, problems: ContentProblem[]): Stats | undefined {
  const target = readlinkSync(link);
  const report = (message: string) => {
    problems.push({ file: displayPath(link), message: `is a link to ${target}, ${message}` });
    return undefined;
  };
  let real: string;
  try {
    real = realpathSync(link);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    return code === 'ENOENT'
      ? report('which does not exist: remove the link, or put the file itself here')
      : code === 'ELOOP'
        ? report('which leads back to itself (a loop): remove the link')
        : report(unreadable(error));
  }
  if (real !== root && !real.startsWith(root + path.sep)) {
    return report('outside the content folder: links out of content/ are not followed; move or copy the files into content/articles');
  }
  try {
    return statSync(real);
  } catch (error) {
    return report(unreadable(error));
  }
}

/** `x.MD`, `x.markdown` → `; to publish it, rename it to "x.md"`: Markdown under another extension. */
function markdownFix(name: string): string {
  const markdown = /^(.+)\.(?:md|markdown|mdown|mkd)$/i.exec(name);
  return markdown ? `; to publish it, rename it to "${markdown[1]}.md"` : '';
}

let shared = Buffer.allocUnsafe(1 << 16);

/**
 * The open file's bytes: `size` of them (fstat's), in `shared`, as `readFileSync` reads a file of
 * that size. A file it says is empty (one being written again) is read to its end, and one larger
 * than an article may be (a registry) into a buffer of its own, so `shared` stays small.
 */
function readInto(fd: number, size: number): Buffer {
  if (size === 0 || size > MAX_ARTICLE_BYTES) return readFileSync(fd);
  if (shared.length < size) shared = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, shared, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return shared.subarray(0, length);
}

/** `.x.md` → `to "x.md"`; `._草稿.md` → `to "cao-gao.md"` (a name that is a slug, not merely visible); `.md` → after the article. */
function hiddenFix(name: string): string {
  const visible = name.replace(/^\.+/, '').replace(/\.md$/, '');
  if (visible === '' || visible === 'md') return 'after the article, e.g. "taobao-618.md"';
  return `to "${SLUG_CHARS.test(visible) ? visible : suggestSlug(visible)}.md"`;
}

function readArticles(files: string[], problems: ContentProblem[]) {
  // One file for every content dir, as for the body checks: one per dir would pile up in
  // .cache/build with every fixture a test writes. The files' names are part of the keys.
  const reads = new BuildCache<ArticleRead>('articles', '', codeVersion(ARTICLE_READ_PRODUCERS));
  const valid: ArticleSource[] = [];
  const remains: ArticleRemains[] = [];
  for (const file of files) {
    const read = readArticle(file, problems, reads);
    if (read?.valid) valid.push(read.article);
    else if (read) remains.push(read.article);
  }
  reads.save();
  return { valid, remains, files: files.length };
}

type ReadArticle = { valid: true; article: ArticleSource } | { valid: false; article: ArticleRemains };

function readArticle(file: string, problems: ContentProblem[], reads: BuildCache<ArticleRead>): ReadArticle | undefined {
  const shownFile = displayPath(file);
  const bytes = readBytes(file, shownFile, problems, true, MAX_ARTICLE_BYTES);
  if (bytes === undefined) {
    checkFileName(shownFile, problems);
    return undefined;
  }
  // Keyed by the bytes, not the text: decoding and hashing the text of 50,000 unchanged articles
  // took 1 s of an edit rebuild (node --cpu-prof), and their bodies are asked for only where a
  // cache lacks them.
  const key = hashOfFile(shownFile, bytes);
  let text: string | undefined;
  const read = reads.get(key, () => {
    const notText: ContentProblem[] = [];
    text = textOf(bytes, shownFile, notText);
    if (text !== undefined) return readArticleText(text, shownFile);
    checkFileName(shownFile, notText);
    return { problems: notText };
  });
  problems.push(...read.problems);
  const found = read.article ?? read.remains;
  if (!found) return undefined;
  const { bodyStart, ...rest } = found;
  const source = { ...rest, file: shownFile };
  const article = text === undefined ? withBodyOnRequest(source, file, key, bodyStart) : { ...source, body: text.slice(bodyStart) };
  return read.article ? { valid: true, article: article as ArticleSource } : { valid: false, article: article as ArticleRemains };
}

/**
 * An article the cache holds, whose body is read from its file again if asked for (rarely: only
 * where a later cache lacks it). Its bytes are not kept meanwhile: at 50,000 articles they were
 * 0.4 GB of an edit rebuild's peak, until a full garbage collection, seconds later.
 */
function withBodyOnRequest<T extends { file: string }>(article: T, file: string, key: string, bodyStart: number): T & { body: string } {
  let body: string | undefined;
  const read = () => {
    const problems: ContentProblem[] = [];
    const bytes = readBytes(file, article.file, problems, true, MAX_ARTICLE_BYTES);
    if (bytes !== undefined && hashOfFile(article.file, bytes) !== key) {
      problems.push({ file: article.file, message: 'was saved again while it was being read: run the command again once it is saved' });
    }
    const text = problems.length === 0 && bytes !== undefined ? textOf(bytes, article.file, problems) : undefined;
    if (text === undefined) throw new ContentError(problems);
    return text.slice(bodyStart);
  };
  return {
    ...article,
    get body() {
      return (body ??= read());
    },
  };
}

/**
 * What an article's text gives as the file `file` (`parseArticle`), and its problems: the article
 * but its file (part of the key) and its body, which is the end of the text from `bodyStart`. A
 * function of the text and the file's name alone, so kept in the build cache: reading the
 * front-matters of 10,000 unchanged articles took 1.3–1.6 s of every build, and at 50,000 articles
 * checking their bodies (control characters, conversion markers) took 0.5 s more (profiled).
 */
export interface ArticleRead {
  problems: ContentProblem[];
  article?: Omit<ArticleSource, 'file' | 'body'> & { bodyStart: number };
  remains?: Omit<ArticleRemains, 'file' | 'body'> & { bodyStart: number };
}

/** The code that reads an article, with everything it imports (../code-version.ts). */
export const ARTICLE_READ_PRODUCERS = ['src/integrations/site-data/load-content.ts'];

function readArticleText(text: string, file: string): ArticleRead {
  const problems: ContentProblem[] = [];
  const { article, remains } = readArticleParts(text, file, problems);
  // Kept without its file (part of the key) and its body (the end of the text).
  const kept = <T extends { file: string; body: string }>({ file: _file, body, ...read }: T) => ({
    ...read,
    bodyStart: text.length - body.length,
  });
  return { problems, ...(article && { article: kept(article) }), ...(remains && { remains: kept(remains) }) };
}

/** Front-matter fields whose unquoted values YAML may cut short without an error. */
const ARTICLE_TEXT_KEYS = ['title', 'summary', 'source'];
const REGISTRY_TEXT_KEYS = ['name', 'description', 'rebate'];

/**
 * Validate an article's text as if it were the file `file`: the same checks `npm run check`
 * makes of one file, for `npm run new` to run on what it is about to write.
 */
export const parseArticle = (text: string, file: string, problems: ContentProblem[]): ArticleSource | undefined =>
  readArticleParts(text, file, problems).article;

/** `parseArticle`'s article, or what remains of it to check where it is not valid. */
function readArticleParts(text: string, file: string, problems: ContentProblem[]): { article?: ArticleSource; remains?: ArticleRemains } {
  const slug = path.basename(file, '.md');
  const named = checkFileName(file, problems);
  const split = splitFrontmatter(text);
  if ('error' in split) {
    problems.push({ file, line: split.line, message: split.error });
    return {};
  }
  const front = readFrontMatter(split.yaml, file);
  problems.push(...front.problems);
  const empty = split.body.trim() === '';
  if (empty) problems.push({ file, line: split.bodyLine, message: 'has no text below the front-matter: write the article body' });
  checkBodyControlChars(split.body, split.bodyLine, file, problems);
  const data = front.read ? front.data : undefined;
  const lines = front.read ? front.lines : {};
  if (data) checkConversionRules(data, split.body, split.bodyLine, lines, file, problems);
  const base = { slug, file, body: split.body, bodyHash: hashOf(split.body), bodyLine: split.bodyLine, lines };
  if (data && named && !empty) return { article: { ...base, data, dataHash: hashOf(JSON.stringify(data)) } };
  // Unknown where the front-matter could not be read: taken as a draft, whose links to drafts are no error.
  const fields = data ?? (front.read ? validFields(front.value) : { channel: [], draft: true });
  return { remains: { ...base, data: { channel: fields.channel, draft: fields.draft }, named } };
}

/** Of a front-matter that is not valid as a whole, its channels and draft flag where valid on their own. */
function validFields(value: Record<string, unknown>): Pick<ArticleFrontmatter, 'channel' | 'draft'> {
  const channel = articleSchema.shape.channel.safeParse(value.channel);
  return { channel: channel.success ? channel.data : [], draft: value.draft === true };
}

/**
 * What an article's front-matter gives, and its problems: whether it could be read as "key: value"
 * lines at all, its fields if they are valid, and each key's line.
 */
type FrontMatter =
  | { read: false; problems: ContentProblem[] }
  | {
      read: true;
      /** The key-value lines as YAML read them, valid or not. */
      value: Record<string, unknown>;
      data?: ArticleFrontmatter;
      lines: Record<string, number | undefined>;
      problems: ContentProblem[];
    };

function readFrontMatter(yaml: string, file: string): FrontMatter {
  const problems: ContentProblem[] = [];
  const parsed = parseYaml(yaml, file, 2, problems, { textKeys: ARTICLE_TEXT_KEYS, fields: ARTICLE_KEYS });
  if (!parsed) return { read: false, problems };
  // Nothing between the two --- lines but comments: no field is set, and each required one says what to write.
  if (parsed.value === null && yaml.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line))) parsed.value = {};
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    // YAML read no key at all (every colon full-width, say): the lines say why.
    const broken = keyLineProblems(yaml, file, 2, ARTICLE_KEYS);
    problems.push(
      ...(broken.length > 0 ? broken : [{ file, line: 2, message: 'front-matter must be "key: value" lines (title, date, channel, …)' }]),
    );
    return { read: false, problems };
  }
  for (const key of Object.keys(parsed.value)) {
    if (ARTICLE_KEYS.includes(key)) continue;
    const lower = key.toLowerCase();
    const at = { file, line: parsed.lineOf([key]), field: key };
    // A known key in capitals (Draft: true) is not read: the article was published as if unset.
    problems.push(
      ARTICLE_KEYS.includes(lower)
        ? { ...at, message: `is not read: keys are lower-case, so ${lower} is not set; write ${lower}:` }
        : { ...at, severity: 'warning', message: `unknown front-matter key${didYouMean(key, ARTICLE_KEYS)}; it is ignored` },
    );
  }
  const data = validate(articleSchema, parsed.value, parsed, file, problems);
  const titleLength = data && [...data.title].length;
  if (titleLength && titleLength > LONG_TITLE) {
    problems.push({
      file,
      line: parsed.lineOf(['title']),
      field: 'title',
      severity: 'warning',
      message: `is ${titleLength} characters long: a headline over ${LONG_TITLE} fills a phone's screen before the article starts; shorten it, and put the rest in the body or the summary`,
    });
  }
  const lines = Object.fromEntries(Object.keys(parsed.value).map((key) => [key, parsed.lineOf([key])]));
  return { read: true, value: parsed.value as Record<string, unknown>, data, lines, problems };
}

/**
 * Control characters in a body, by line: invisible on the page, and a summary made from the body
 * would carry them into the feeds. Carriage returns are line ends (files saved on Windows).
 */
function checkBodyControlChars(body: string, bodyLine: number, file: string, problems: ContentProblem[]) {
  if (describeControlChars(body.replaceAll('\r', ' ')) === undefined) return;
  body.split('\n').forEach((text, i) => {
    const found = describeControlChars(text.replaceAll('\r', ' '));
    if (found) {
      const message = `has an invisible control character (${found}): delete it; retype the text around it if it was pasted`;
      problems.push({ file, line: bodyLine + i, message });
    }
  });
}

/** The file name is the article's URL: reported when it can't be one, with a name that can. */
function checkFileName(file: string, problems: ContentProblem[]): boolean {
  const slug = path.basename(file, '.md');
  if (slugSchema.safeParse(slug).success) return true;
  const suggestion = `${suggestSlug(slug)}.md`;
  const why = SLUG_CHARS.test(slug)
    ? `is ${slug.length} characters long; a slug has at most ${MAX_SLUG_LENGTH}: rename it`
    : "can't be a URL or a portable file name: use lower-case letters a-z, digits and hyphens";
  problems.push({ file, message: `the file name "${slug}.md" ${why}, e.g. "${suggestion}"` });
  return false;
}

/** The article's own glossary and its protection markers, where a mistake would convert text wrongly. */
function checkConversionRules(
  data: ArticleFrontmatter,
  body: string,
  bodyLine: number,
  lines: Record<string, number | undefined>,
  file: string,
  problems: ContentProblem[],
) {
  const glossary = data.glossary ?? [];
  for (const issue of checkGlossaryEntries(glossary, (i) => `glossary entry ${i + 1}`)) {
    problems.push({
      file,
      line: lines.glossary,
      field: `glossary[${issue.index}]${issue.field ? `.${issue.field}` : ''}`,
      message: issue.message,
      ...(issue.severity ? { severity: issue.severity } : {}),
    });
  }
  // Per paragraph, as the converter sees them: a marker never spans a blank line.
  for (const paragraph of body.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    for (const p of findMarkerProblems(paragraph[0])) {
      const offset = paragraph.index + p.index;
      problems.push({ file, line: bodyLine + body.slice(0, offset).split('\n').length - 1, message: p.message });
    }
  }
}

type Split = { yaml: string; body: string; bodyLine: number } | { error: string; line: number };

/** Front-matter is the block between a first line `---` and the next line `---` (either may end in spaces, which no one sees). */
export function splitFrontmatter(text: string): Split {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) {
    const blank = /^(?:[ \t]*\n)+---[ \t]*\n/.exec(text);
    if (blank) {
      const lines = blank[0].split('\n').length - 2;
      return {
        line: 1,
        error: `starts with ${lines === 1 ? 'a blank line' : `${lines} blank lines`}: the front-matter's "---" must be line 1; delete ${lines === 1 ? 'it' : 'them'}`,
      };
    }
    return { line: 1, error: 'must start with a front-matter block: a line "---", then title:, date:, channel:, then "---"' };
  }
  const start = open[0].length;
  const close = /^---[ \t]*$/m.exec(text.slice(start));
  if (!close) return { line: 1, error: 'the front-matter block opened on line 1 is never closed: add a line "---" after the last field' };
  const end = start + close.index;
  const yaml = text.slice(start, end);
  const bodyStart = Math.min(text.length, end + close[0].length + 1);
  return { yaml, body: text.slice(bodyStart), bodyLine: yaml.split('\n').length + 2 };
}

/** Each channel slug once. */
function checkChannels(channels: Channel[], lineOf: (keyPath: (string | number)[]) => number | undefined, file: string): ContentProblem[] {
  const first = new Map<string, number>();
  return channels.flatMap(({ slug }, i) => {
    const earlier = first.get(slug);
    if (earlier === undefined) {
      first.set(slug, i);
      return [];
    }
    const also = lineOf([earlier, 'slug']);
    return [
      {
        file,
        line: lineOf([i, 'slug']),
        field: `[${i}].slug`,
        message: `channel "${slug}" is listed twice (also on line ${also}): remove one`,
      },
    ];
  });
}

function checkArticleChannels(articles: (ArticleSource | ArticleRemains)[], channels: Channel[], problems: ContentProblem[]) {
  const slugs = channels.map((c) => c.slug);
  for (const article of articles) {
    for (const channel of article.data.channel) {
      if (!slugs.includes(channel)) {
        problems.push({
          file: article.file,
          line: article.lines.channel,
          field: 'channel',
          message: `unknown channel ${shown(channel)}${didYouMean(channel, slugs)}; channels are listed in content/channels.yaml`,
        });
      }
    }
  }
}

function checkDuplicateSlugs(articles: (ArticleSource | ArticleRemains)[], problems: ContentProblem[]) {
  const bySlug = new Map<string, string[]>();
  for (const a of articles) bySlug.set(a.slug, [...(bySlug.get(a.slug) ?? []), a.file]);
  for (const [slug, files] of bySlug) {
    if (files.length > 1) {
      for (const file of files) {
        problems.push({
          file,
          message: `slug "${slug}" is also used by ${files.filter((f) => f !== file).join(', ')}: slugs are unique across content/articles; rename one file`,
        });
      }
    }
  }
}
