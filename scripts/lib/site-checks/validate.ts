/** Built pages checked with html-validate under the repo's `.htmlvalidate.json`. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
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

/** Read by path, not found by searching from each page, so a tree outside the repo gets the same rules. */
const REPO_CONFIG = new URL('../../../.htmlvalidate.json', import.meta.url);

/** Stands in for a rule name when a page could not be read at all. */
export const UNREADABLE_RULE = 'unreadable';

/**
 * Every html-validate message for the given pages (site paths; by default every HTML file in
 * `dist`), in page order. One validator for all pages: its config and element metadata are
 * loaded once.
 */
export async function validatePages(dist: string, pages?: readonly string[]): Promise<ValidationProblem[]> {
  const config = JSON.parse(await readFile(REPO_CONFIG, 'utf8')) as ConfigData;
  const validator = new HtmlValidate(config);
  const files = pages?.map(fileOf) ?? listFiles(dist).filter(isHtmlFile);
  const problems: ValidationProblem[] = [];
  for (const file of files) {
    const page = sitePathOf(file);
    const read = readPage(dist, file);
    if ('error' in read) {
      problems.push({ page, line: 0, column: 0, rule: UNREADABLE_RULE, message: read.error });
      continue;
    }
    const report = await validator.validateString(read.text, join(dist, file));
    for (const m of report.results.flatMap((result) => result.messages)) {
      problems.push({ page, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
    }
  }
  return problems;
}
