/**
 * BENCHMARKS.md is shared: the search engineer owns "## Search"; each benchmark rewrites only the
 * generated block between its own markers, and adds its section when the block is missing.
 */
import { readFile, writeFile } from 'node:fs/promises';

export const BENCHMARKS_FILE = 'BENCHMARKS.md';

export interface MarkedBlock {
  start: string;
  end: string;
  /** The section the block is added under when the file has no block yet. */
  heading: string;
}

export const SCALE_BLOCK: MarkedBlock = {
  start: '<!-- bench:scale:start (npm run bench -- --write) -->',
  end: '<!-- bench:scale:end -->',
  heading: '## Scale',
};

export const SEARCH_PHONE_BLOCK: MarkedBlock = {
  start: '<!-- bench:search-phone:start (npm run bench:search-phone -- --write) -->',
  end: '<!-- bench:search-phone:end -->',
  heading: '## Search on a phone',
};

export const SEGMENTS_BLOCK: MarkedBlock = {
  start: '<!-- bench:segments:start (npm run bench:segments -- --write) -->',
  end: '<!-- bench:segments:end -->',
  heading: '## Building in segments',
};

export function withBlock(file: string, marked: MarkedBlock, results: string): string {
  const block = `${marked.start}\n${results}\n${marked.end}`;
  const start = file.indexOf(marked.start);
  const end = file.indexOf(marked.end);
  if (start !== -1 && end > start) return `${file.slice(0, start)}${block}${file.slice(end + marked.end.length)}`;
  const base = file.trim() === '' ? '# Benchmarks\n' : file.replace(/\n*$/, '\n');
  return `${base}\n${marked.heading}\n\n${block}\n`;
}

/** Rewrites one benchmark's block in BENCHMARKS.md (at the project's root, where the benchmarks run). */
export async function writeBlock(marked: MarkedBlock, results: string): Promise<void> {
  const current = await readFile(BENCHMARKS_FILE, 'utf8').catch(() => '');
  await writeFile(BENCHMARKS_FILE, withBlock(current, marked, results));
}
