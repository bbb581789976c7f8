/**
 * Every XML file the build writes (feeds, sitemaps) is well-formed XML, read by a conforming
 * parser: one stray control character and feed readers and search engines drop the whole file,
 * while browsers, forgiving, show nothing wrong.
 */
import { SaxesParser } from 'saxes';
import type { PageProblem } from './page-problem.ts';
import { isXmlFile, sitePathOf } from './site-paths.ts';
import { readPage } from './tree.ts';

/** `files`: relative, `/`-separated, as `BuiltSite.files`; only the XML ones are read. */
export function checkXml(dist: string, files: Iterable<string>): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const file of [...files].filter(isXmlFile)) {
    const page = sitePathOf(file);
    const read = readPage(dist, file);
    if ('error' in read) {
      problems.push({ page, message: read.error });
      continue;
    }
    const [first, ...more] = xmlErrors(read.text);
    if (first === undefined) continue;
    const others = more.length === 0 ? '' : ` (and ${more.length} more)`;
    problems.push({ page, message: `is not well-formed XML, so feed readers and search engines reject all of it: ${first}${others}` });
  }
  return problems;
}

/** What a conforming XML parser says is wrong with `text`, each as `line L, column C: what`. */
export function xmlErrors(text: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser();
  // saxes reports `L:C: message.` and goes on parsing after each error.
  parser.on('error', (error) => errors.push(error.message.replace(/^(\d+):(\d+): (.*?)\.?$/s, 'line $1, column $2: $3')));
  parser.write(text).close();
  return errors;
}
