/**
 * Tools for the "two clean builds are byte-identical" test: one hash for a whole tree, and,
 * when the hashes differ, the list of files that differ with the first differing line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './tree.ts';
import { byCodeUnit } from '../../../src/lib/code-unit-order.ts';

/**
 * sha256 over the sorted relative paths and the contents of every file in `dir`. Each file is
 * hashed on its own first, so no run of bytes can be read as two different trees.
 */
export async function hashTree(dir: string): Promise<string> {
  const tree = createHash('sha256');
  for (const file of listFiles(dir)) {
    const content = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
    tree.update(`${file}\0${content}\n`);
  }
  return tree.digest('hex');
}

export interface TreeDifference {
  file: string;
  /** What differs, e.g. `only in dist.a` or `line 12: "<time>…" ≠ "<time>…"`. */
  difference: string;
}

/** Every file that is missing on one side or has other bytes, sorted by path. */
export async function diffTrees(a: string, b: string): Promise<TreeDifference[]> {
  const filesA = listFiles(a);
  const filesB = listFiles(b);
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  const differences: TreeDifference[] = [
    ...filesA.filter((f) => !inB.has(f)).map((file) => ({ file, difference: `only in ${a}` })),
    ...filesB.filter((f) => !inA.has(f)).map((file) => ({ file, difference: `only in ${b}` })),
  ];
  for (const file of filesA.filter((f) => inB.has(f))) {
    const bytesA = readFileSync(join(a, file));
    const bytesB = readFileSync(join(b, file));
    if (!bytesA.equals(bytesB)) differences.push({ file, difference: firstDifference(bytesA, bytesB) });
  }
  return differences.sort((x, y) => byCodeUnit(x.file, y.file));
}

const SHOWN_CHARS = 80;

/**
 * Where two byte-different files first differ, as text: the line and column, with both
 * versions shown from a little before that column.
 */
export function firstDifference(a: Buffer, b: Buffer): string {
  const linesA = a.toString('utf8').split('\n');
  const linesB = b.toString('utf8').split('\n');
  const count = Math.max(linesA.length, linesB.length);
  let at = 0;
  while (at < count && linesA[at] === linesB[at]) at++;
  const lineA = linesA[at];
  const lineB = linesB[at];
  if (at === count) return `${a.length} vs ${b.length} bytes that read as the same text (binary content)`;
  if (lineA === undefined || lineB === undefined) {
    return `line ${at + 1}: one file ends before the other (${linesA.length} vs ${linesB.length} lines)`;
  }
  let column = 0;
  while (lineA[column] === lineB[column]) column++;
  const from = Math.max(0, column - 20);
  const excerpt = (line: string) => JSON.stringify(line.slice(from, from + SHOWN_CHARS));
  return `line ${at + 1}, column ${column + 1}: ${excerpt(lineA)} ≠ ${excerpt(lineB)}`;
}
