/**
 * Reading a built tree from disk. Synchronous on purpose: for tens of thousands of small files
 * `node:fs/promises` costs about ten times as much per file as the sync calls, and nothing
 * else runs while a check reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { byCodeUnit } from '../../../src/lib/code-unit-order.ts';

/**
 * Every file under `dir`, as `/`-separated paths relative to it, sorted by code unit so the
 * order is the same on every machine and locale. Empty folders and symlinks are not files of
 * the site and are left out.
 */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort(byCodeUnit);
}

/** A page's text, or why it could not be read: one unreadable page must not stop a check. */
export function readPage(dist: string, file: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(join(dist, file), 'utf8') };
  } catch (error) {
    return { error: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
