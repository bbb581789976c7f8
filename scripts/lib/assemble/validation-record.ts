/**
 * html-validate is the slowest of the built-site checks (about 8 ms a page: 13 minutes of one core
 * for the 100,000 pages of 50,000 articles), and what it says about a page depends on the page's
 * text alone. So each segment build validates the pages it wrote, where the work is shared among
 * the segments' machines, and records what it found by the hash of each page's text. The assemble
 * then validates only the pages whose text no segment recorded under the same rules: none, when
 * the segments are of one build. A segment keeps its validations in its build cache too, so that a
 * rebuild validates only the pages whose text changed.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { BuildCache } from '../../../src/integrations/site-data/build-cache.ts';
import { SEGMENT_DIR, VALIDATION_FILE } from '../../../src/integrations/segment/output.ts';
import { isHtmlFile } from '../site-checks/site-paths.ts';
import { listFiles } from '../site-checks/tree.ts';
import { validateAll, VALIDATOR, type KnownValidations, type PageMessage } from '../site-checks/validate.ts';

const recordSchema = z.object({
  /** The rules the pages were validated under (VALIDATOR). */
  validator: z.string(),
  /** Each page text's hash, with what html-validate said about it. */
  pages: z.array(z.tuple([z.string(), z.array(z.object({ line: z.number(), column: z.number(), rule: z.string(), message: z.string() }))])),
});
type ValidationRecord = z.infer<typeof recordSchema>;

/** Validates every page of the segment in `site` (the build cache's knowing most, after an edit) and records it. */
export async function recordValidation(site: string): Promise<void> {
  const cache = new BuildCache<PageMessage[]>('page-validation', '', VALIDATOR);
  const validated = await validateAll(site, listFiles(site).filter(isHtmlFile), (hash) => cache.find(hash));
  const pages = new Map<string, PageMessage[]>();
  for (const { hash, messages } of validated) {
    if (hash === undefined) continue;
    cache.set(hash, messages);
    pages.set(hash, messages);
  }
  cache.save();
  const record: ValidationRecord = { validator: VALIDATOR, pages: [...pages] };
  await writeFile(path.join(site, SEGMENT_DIR, VALIDATION_FILE), JSON.stringify(record));
}

/**
 * What the segments in `dirs` recorded under today's rules. A record that is missing, damaged or
 * made under other rules (another html-validate or config) adds nothing: its pages are validated
 * again. A record is trusted as the segment's manifest is: both come from the same build.
 */
export function knownFromSegments(dirs: readonly string[]): KnownValidations {
  const known = new Map<string, PageMessage[]>();
  for (const dir of dirs) {
    let record: ValidationRecord;
    try {
      const file = path.join(dir, SEGMENT_DIR, VALIDATION_FILE);
      // A link is not the segment's own record: its pages are validated again instead.
      if (lstatSync(file).isSymbolicLink()) continue;
      record = recordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      continue;
    }
    if (record.validator !== VALIDATOR) continue;
    for (const [hash, messages] of record.pages) known.set(hash, messages);
  }
  return (hash) => known.get(hash);
}
