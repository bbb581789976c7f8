/**
 * Reading a built tree from disk. Synchronous on purpose: for tens of thousands of small files
 * `node:fs/promises` costs about ten times as much per file as the sync calls, and nothing
 * else runs while a check reads.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { filesUnder } from '../../../src/integrations/folder-names.ts';
import { byCodeUnit } from '../../../src/lib/code-unit-order.ts';

/**
 * Every file under `dir`, as `/`-separated paths relative to it, sorted by code unit so the
 * order is the same on every machine and locale. Empty folders and symlinks are not files of
 * the site and are left out.
 */
export function listFiles(dir: string): string[] {
  return filesUnder(dir)
    .map((file) => file.split(sep).join('/'))
    .sort(byCodeUnit);
}

/** Every page says it is UTF-8 (`<meta charset="utf-8">`, the feeds' XML declaration): a page that is not reads as garbage. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A page's text, or why it could not be read: one unreadable page must not stop a check. */
export function readPage(dist: string, file: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dist, file));
  } catch (error) {
    return { error: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { error: 'is not UTF-8 text, which it says it is: a reader sees garbage. Build the site again.' };
  }
}
