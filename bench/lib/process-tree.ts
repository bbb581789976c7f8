/**
 * Runs a command and measures it as a whole: wall time and the peak of the summed resident memory
 * of its process tree (the build wrapper, Astro, Pagefind's binary…), sampled from /proc every
 * 100 ms. `/usr/bin/time` would report the largest single process, not the tree.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  ms: number;
  /** Peak summed RSS of the process tree, bytes. */
  peakRss: number;
  status: number;
  /** Last lines of stdout and stderr, for error messages. */
  tail: string;
}

const PAGE_BYTES = 4096;
const SAMPLE_MS = 100;

/** Every process below `root` (root included), from a pid → parent map. */
export function descendants(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const found: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** The parent field of /proc/<pid>/stat (the name before it may contain spaces and parentheses). */
export const parentFromStat = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

export function treeRss(root: number): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (stat) parentOf.set(Number(entry), parentFromStat(stat));
  }
  let pages = 0;
  for (const pid of descendants(root, parentOf)) pages += Number(readProc(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0);
  return pages * PAGE_BYTES;
}

export function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakRss = 0;
    const sample = () => {
      if (child.pid !== undefined) peakRss = Math.max(peakRss, treeRss(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      // Killed by a signal (the kernel's OOM killer sends SIGKILL): the shell's 128 + its number.
      const status = code ?? 128 + (signal ? constants.signals[signal] : 0);
      resolve({ ms: performance.now() - started, peakRss, status, tail: output.split('\n').slice(-30).join('\n') });
    });
  });
}
