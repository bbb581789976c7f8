/**
 * Reads and validates everything under a content directory. Every problem in every file is
 * collected (never the first one only), so a writer fixes a whole batch in one go.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { z } from 'astro/zod';
import {
  ARTICLE_KEYS, articleSchema, channelsSchema, merchantsSchema, slugSchema, shown,
  type ArticleFrontmatter, type Channel, type GlossaryEntry, type Merchant,
} from './schema.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';
import type { ContentProblem } from './problems.ts';
import { suggestSlug } from './suggest-slug.ts';
import { checkBodies } from './body-checks.ts';
import { checkGlossaryEntries, parseGlossary } from '../convert/glossary.ts';
import { findMarkerProblems } from '../convert/marker-problems.ts';

export type { GlossaryEntry };

export interface ArticleSource {
  slug: string;
  /** Path for messages, relative to the working directory. */
  file: string;
  data: ArticleFrontmatter;
  /** Markdown below the front-matter. */
  body: string;
  /** Line of the file the body starts on. */
  bodyLine: number;
  /** Line of each front-matter key, for messages about cross-file checks. */
  lines: Record<string, number | undefined>;
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

/** The content directory: `content/`, or `CONTENT_DIR` for fixtures and benchmarks. */
export const contentDir = () => path.resolve(process.env.CONTENT_DIR ?? 'content');

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
  const channels = readRegistry(path.join(dir, CONTENT_FILES.channels), channelsSchema, problems, true);
  const merchants = readRegistry(path.join(dir, CONTENT_FILES.merchants), merchantsSchema, problems, false);
  const glossary = readGlossary(path.join(dir, CONTENT_FILES.glossary), problems);
  const articles = readArticles(listMarkdown(path.join(dir, CONTENT_FILES.articles), problems), problems);
  checkChannels(channels ?? [], path.join(dir, CONTENT_FILES.channels), problems);
  if (channels) checkArticleChannels(articles.valid, channels, problems);
  checkDuplicateSlugs(articles.valid, problems);
  await checkBodies(articles.valid, channels, problems);
  return {
    content: { channels: channels ?? [], merchants: merchants ?? [], glossary: glossary ?? [], articles: articles.valid },
    problems,
    articleFiles: articles.files,
  };
}

/** A YAML registry beside the articles (channels, merchants, glossary). */
export function readRegistry<T extends z.ZodType>(
  file: string, schema: T, problems: ContentProblem[], required: boolean,
): z.infer<T> | undefined {
  const shownFile = displayPath(file);
  const text = readText(file, shownFile, problems, required);
  if (text === undefined) return required ? undefined : ([] as z.infer<T>);
  const parsed = parseYaml(text, shownFile, 1, problems);
  if (!parsed) return undefined;
  return validate(schema, parsed.value ?? [], parsed, shownFile, problems);
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
  schema: T, value: unknown, parsed: ParsedYaml, file: string, problems: ContentProblem[],
): z.infer<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keyPath = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    const field = keyPath.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');
    const message = issue.code === 'unrecognized_keys'
      ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.message;
    problems.push({ file, line: lineFor(parsed, keyPath), field: field || undefined, message });
  }
  return undefined;
}

/** The line of the deepest part of `keyPath` the document has. */
function lineFor(parsed: ParsedYaml, keyPath: (string | number)[]): number | undefined {
  for (let n = keyPath.length; n > 0; n--) {
    const line = parsed.lineOf(keyPath.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** Synchronous reads: for thousands of small files they are several times faster than promises. */
function readText(file: string, shownFile: string, problems: ContentProblem[], required: boolean): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (required) problems.push({ file: shownFile, message: 'is missing' });
      return undefined;
    }
    throw error;
  }
  try {
    // A BOM and CRLF line endings come from ordinary Windows editors: accept them.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    const at = firstInvalidUtf8Line(bytes);
    problems.push({
      file: shownFile, line: at,
      message: 'is not UTF-8 text: save it as UTF-8 (GBK/Big5 files must be converted, e.g. iconv -f GBK -t UTF-8)',
    });
    return undefined;
  }
}

function firstInvalidUtf8Line(bytes: Buffer): number {
  const decoded = bytes.toString('utf8');
  const bad = decoded.indexOf('\uFFFD');
  return decoded.slice(0, Math.max(bad, 0)).split('\n').length;
}

function listMarkdown(dir: string, problems: ContentProblem[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries.sort()) {
    const full = path.join(dir, entry);
    if (entry.endsWith('.md')) files.push(full);
    else if (!path.basename(entry).startsWith('.') && statSync(full).isFile()) {
      problems.push({ file: displayPath(full), severity: 'warning', message: 'is ignored: articles are .md files' });
    }
  }
  return files;
}

function readArticles(files: string[], problems: ContentProblem[]) {
  const articles = files.map((file) => readArticle(file, problems));
  return { valid: articles.filter((a): a is ArticleSource => a !== undefined), files: files.length };
}

function readArticle(file: string, problems: ContentProblem[]): ArticleSource | undefined {
  const shownFile = displayPath(file);
  const slug = path.basename(file, '.md');
  let ok = true;
  if (!slugSchema.safeParse(slug).success) {
    problems.push({
      file: shownFile,
      message: `the file name "${slug}.md" can't be a URL or a portable file name: use lower-case letters a-z, digits and hyphens, e.g. "${suggestSlug(slug)}.md"`,
    });
    ok = false;
  }
  const text = readText(file, shownFile, problems, true);
  if (text === undefined) return undefined;
  if (Buffer.byteLength(text) > MAX_ARTICLE_BYTES) {
    problems.push({
      file: shownFile,
      message: `is ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB; an article may be at most ${MAX_ARTICLE_BYTES / 1e6} MB: remove embedded data (images belong in files) or split it`,
    });
    return undefined;
  }
  const split = splitFrontmatter(text);
  if ('error' in split) {
    problems.push({ file: shownFile, line: split.line, message: split.error });
    return undefined;
  }
  const parsed = parseYaml(split.yaml, shownFile, 2, problems);
  if (!parsed) return undefined;
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    problems.push({ file: shownFile, line: 2, message: 'front-matter must be "key: value" lines (title, date, channel, …)' });
    return undefined;
  }
  for (const key of Object.keys(parsed.value)) {
    if (!ARTICLE_KEYS.includes(key)) {
      problems.push({
        file: shownFile, line: parsed.lineOf([key]), field: key, severity: 'warning',
        message: `unknown front-matter key (did you mean "${closest(key, ARTICLE_KEYS)}"?); it is ignored`,
      });
    }
  }
  const data = validate(articleSchema, parsed.value, parsed, shownFile, problems);
  if (split.body.trim() === '') {
    problems.push({ file: shownFile, line: split.bodyLine, message: 'has no text below the front-matter: write the article body' });
    ok = false;
  }
  const lines = Object.fromEntries(Object.keys(parsed.value).map((key) => [key, parsed.lineOf([key])]));
  if (data) checkConversionRules(data, split.body, split.bodyLine, lines, shownFile, problems);
  return data && ok ? { slug, file: shownFile, data, body: split.body, bodyLine: split.bodyLine, lines } : undefined;
}

/** The article's own glossary and its protection markers, where a mistake would convert text wrongly. */
function checkConversionRules(
  data: ArticleFrontmatter, body: string, bodyLine: number, lines: Record<string, number | undefined>,
  file: string, problems: ContentProblem[],
) {
  const glossary = data.glossary ?? [];
  for (const issue of checkGlossaryEntries(glossary, (i) => `glossary entry ${i + 1}`)) {
    problems.push({
      file, line: lines.glossary, field: `glossary[${issue.index}]${issue.field ? `.${issue.field}` : ''}`, message: issue.message,
      ...(issue.severity ? { severity: issue.severity } : {}),
    });
  }
  for (const field of ['title', 'summary'] as const) {
    for (const p of findMarkerProblems(data[field] ?? '')) problems.push({ file, line: lines[field], field, message: p.message });
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

/** Front-matter is the block between a first line `---` and the next line `---`. */
export function splitFrontmatter(text: string): Split {
  if (!text.startsWith('---\n')) {
    return { line: 1, error: 'must start with a front-matter block: a line "---", then title:, date:, channel:, then "---"' };
  }
  const close = /^---[ \t]*$/m.exec(text.slice(4));
  if (!close) return { line: 1, error: 'the front-matter block opened on line 1 is never closed: add a line "---" after the last field' };
  const end = 4 + close.index;
  const yaml = text.slice(4, end);
  const bodyStart = Math.min(text.length, end + close[0].length + 1);
  return { yaml, body: text.slice(bodyStart), bodyLine: yaml.split('\n').length + 2 };
}

function checkChannels(channels: Channel[], file: string, problems: ContentProblem[]) {
  const seen = new Set<string>();
  for (const c of channels) {
    if (seen.has(c.slug)) problems.push({ file: displayPath(file), field: 'slug', message: `channel "${c.slug}" is listed twice` });
    seen.add(c.slug);
  }
}

function checkArticleChannels(articles: ArticleSource[], channels: Channel[], problems: ContentProblem[]) {
  const slugs = channels.map((c) => c.slug);
  for (const article of articles) {
    for (const channel of article.data.channel) {
      if (!slugs.includes(channel)) {
        problems.push({
          file: article.file, line: article.lines.channel, field: 'channel',
          message: `unknown channel ${shown(channel)} (did you mean "${closest(channel, slugs)}"?); channels are listed in content/channels.yaml`,
        });
      }
    }
  }
}

function checkDuplicateSlugs(articles: ArticleSource[], problems: ContentProblem[]) {
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
