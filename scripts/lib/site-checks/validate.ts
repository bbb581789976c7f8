/**
 * Built pages checked with html-validate under the repo's `.htmlvalidate.json`. What it says about
 * a page depends on the page's text and the rules only, so a page whose text was validated before
 * under the same rules (`known`, by the text's hash) is not validated again: `npm run assemble`
 * takes each segment's validation of its own pages (./validation-record.ts).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader, version, type ConfigData, type ResolvedConfig } from 'html-validate';
import { MAX_WORKER_THREADS, VALIDATION_MIN_PAGES } from '../../../src/tuning.ts';
import { hashOf } from '../../../src/lib/hash.ts';
import { resultOfThread, sharesOf } from '../../../src/integrations/thread.ts';
import { fileOf, isHtmlFile, sitePathOf } from './site-paths.ts';
import { listFiles, readPage } from './tree.ts';

export interface ValidationProblem {
  /** Site path, e.g. `/zh-hant/jingying/8/`. */
  page: string;
  line: number;
  column: number;
  /** The html-validate rule, documented at https://html-validate.org/rules/<rule>.html. */
  rule: string;
  message: string;
}

/** One of html-validate's messages about a page: a problem without the page it is on. */
export type PageMessage = Omit<ValidationProblem, 'page'>;

/** A page's messages, and the hash of the text they are about (none when it could not be read). */
export interface PageValidation {
  file: string;
  hash?: string;
  messages: PageMessage[];
}

/** Messages by the hash of the page text they are about, found by validating under VALIDATOR's rules. */
export type KnownValidations = (hash: string) => readonly PageMessage[] | undefined;

/** Read by path, not found by searching from each page, so a tree outside the repo gets the same rules. */
const CONFIG_TEXT = readFileSync(new URL('../../../.htmlvalidate.json', import.meta.url), 'utf8');

/** The rules pages are validated under: html-validate's version and the repo's config. */
export const VALIDATOR = hashOf(version, CONFIG_TEXT);

/** The hash `known` is keyed by. */
export const pageHash = (text: string): string => hashOf(text);

/** A share of the pages for ./validate-worker.ts, which posts back their PageValidations. */
export interface ValidationTask {
  dist: string;
  files: readonly string[];
}
const WORKER = new URL('./validate-worker.ts', import.meta.url);

/** Stands in for a rule name when a page could not be read at all. */
export const UNREADABLE_RULE = 'unreadable';

/**
 * The repo's config, resolved once. html-validate's static loader resolves it again for every
 * page (merging the presets, loading and schema-checking the element metadata): half of the time
 * each page took on a site of 21,000 pages. A resolved config holds no state of a page, which is
 * why html-validate's own file-system loader caches it per file.
 */
class ResolvedOnce extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;
  override getConfigFor(handle: string, override?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (override !== undefined) return super.getConfigFor(handle, override);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

/**
 * Every html-validate message for the given pages (site paths; by default every HTML file in
 * `dist`), in page order.
 */
export async function validatePages(dist: string, pages?: readonly string[], known?: KnownValidations): Promise<ValidationProblem[]> {
  const files = pages?.map(fileOf) ?? listFiles(dist).filter(isHtmlFile);
  const validated = await validateAll(dist, files, known);
  return validated.flatMap(({ file, messages }) => messages.map((m) => ({ page: sitePathOf(file), ...m })));
}

/**
 * Each file's validation, in file order: taken from `known` when its text's hash is there, else
 * made. Validation is pure work per page, about 8 ms each: many pages are shared among threads,
 * one per core (MAX_WORKER_THREADS at most).
 */
export async function validateAll(dist: string, files: readonly string[], known?: KnownValidations): Promise<PageValidation[]> {
  const found = new Map<string, PageValidation>();
  if (known) {
    for (const file of files) {
      const read = readPage(dist, file);
      if ('error' in read) continue;
      const hash = pageHash(read.text);
      const messages = known(hash);
      if (messages) found.set(file, { file, hash, messages: [...messages] });
    }
  }
  const rest = files.filter((file) => !found.has(file));
  const threads = rest.length < 2 * VALIDATION_MIN_PAGES ? 1 : Math.min(availableParallelism(), MAX_WORKER_THREADS);
  const made = threads > 1 ? await validateInThreads(dist, rest, threads) : await validateFiles(dist, rest);
  const byFile = new Map(made.map((v) => [v.file, v]));
  return files.map((file) => found.get(file) ?? byFile.get(file)!);
}

/** The files in `threads` contiguous shares, each validated in a worker; in file order. */
export async function validateInThreads(dist: string, files: readonly string[], threads: number): Promise<PageValidation[]> {
  const results = sharesOf(files, threads).map((share) =>
    resultOfThread<PageValidation[]>(WORKER, { dist, files: share } satisfies ValidationTask, `the validation thread ${WORKER.pathname}`),
  );
  return (await Promise.all(results)).flat();
}

/** Validates `files` (relative to `dist`) in this thread, one validator for all. */
export async function validateFiles(dist: string, files: readonly string[]): Promise<PageValidation[]> {
  const validator = new HtmlValidate(new ResolvedOnce(JSON.parse(CONFIG_TEXT) as ConfigData));
  const validated: PageValidation[] = [];
  for (const file of files) {
    const read = readPage(dist, file);
    if ('error' in read) {
      validated.push({ file, messages: [{ line: 0, column: 0, rule: UNREADABLE_RULE, message: read.error }] });
      continue;
    }
    const report = await validator.validateString(read.text, join(dist, file));
    const messages = report.results.flatMap((result) => result.messages);
    validated.push({
      file,
      hash: pageHash(read.text),
      messages: messages.map((m) => ({ line: m.line, column: m.column, rule: m.ruleId, message: m.message })),
    });
  }
  return validated;
}
