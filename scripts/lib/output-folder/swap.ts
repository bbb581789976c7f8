/**
 * Putting a finished build in place of the output folder, safely on any file system, and clearing
 * what builds that were killed left behind.
 *
 * A build writes `<out>.tmp-PID` beside the output (the same file system), then renames the old
 * output to `<out>.old-PID`, the new one into place, and has the old one deleted by a process of
 * its own (./deleter.ts), which renames it `<out>.deleting-PID` and goes on after the build has
 * ended: at 50,000 articles deleting the old output's 242,000 files was half of a writer's edit
 * rebuild (14.8 s of 29.0 s). Where Astro had to build elsewhere (see `astroOutDir`), the site is
 * first copied beside the output: a build killed during that copy leaves the output as it was.
 * The only moment without an output is between two renames, and the next build puts the old one
 * back if a build died there; a half-deleted one is never put back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { madeByBuild } from './rules.ts';
import { isRunning } from '../../../src/integrations/temporary-names.ts';

/** `<out>.<what>-PID`: the new site being made, the old one replaced, the old one being deleted; PID is the process's that does it. */
export const besideOut = (out: string, what: 'tmp' | 'old' | 'deleting', pid: number) => `${out}.${what}-${pid}`;
const stagingIn = (project: string, pid: number) => path.join(project, '.cache', `staging-${pid}`);

/**
 * Where Astro builds. Astro puts its temporary server build in the output folder only when that is
 * inside the working directory, and otherwise in the shared ./.astro/, where two builds at once
 * (parallel tests) would delete each other's files: so Astro always builds inside the working
 * directory, beside the output when that is there too.
 */
export function astroOutDir(out: string, project: string, pid: number): string {
  const inside = !path.relative(project, out).startsWith('..');
  return inside ? besideOut(out, 'tmp', pid) : stagingIn(project, pid);
}

/**
 * How many times a build puts its site in place when another build of the same output puts its own
 * there between this one's two renames (two `npm run build` at once): each time, the one in place
 * is replaced in turn, as the older, so the build that finishes last wins and neither fails.
 */
const SWAP_ATTEMPTS = 5;

/**
 * Replaces `out` with the finished site in `built` (made by `astroOutDir`). `renameFolder` is
 * `rename`, but for a test to stand another build's swap between this one's steps.
 */
export async function swapIn(built: string, out: string, pid: number, renameFolder = rename): Promise<void> {
  const next = besideOut(out, 'tmp', pid);
  if (built !== next) await moveBeside(built, next);
  const previous = besideOut(out, 'old', pid);
  for (let attempt = 1; ; attempt++) {
    // Not an lstat first: another build may take the output away between the two.
    const hadOutput = await renameFolder(out, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    try {
      await renameFolder(next, out);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another build's site, and nothing else (a folder someone made there meanwhile is not ours to replace).
      const anotherLanded = (code === 'ENOTEMPTY' || code === 'EEXIST') && attempt < SWAP_ATTEMPTS && madeByBuild(out);
      if (hadOutput) {
        if (anotherLanded) await deleteInBackground(previous, out);
        else await renameFolder(previous, out).catch(() => {}); // where another build's is there, the next build removes this one
      }
      if (anotherLanded) continue;
      throw error;
    }
    if (hadOutput) await deleteInBackground(previous, out);
    return;
  }
}

const DELETER = fileURLToPath(new URL('./deleter.ts', import.meta.url));

/**
 * Deletes `folder` (beside `out`) in a process of its own that outlives this one: it returns once
 * that process has taken the folder (./deleter.ts). Where it can't be started or can't take the
 * folder, deletes it here; where that fails too, the new site is in place all the same, and the
 * next build removes the old one (`cleanLeftovers`).
 */
async function deleteInBackground(folder: string, out: string): Promise<void> {
  if (await handedOver(folder, out)) return;
  try {
    await rm(folder, { recursive: true, force: true });
  } catch (error) {
    console.warn(`Could not delete the old output ${folder} (${(error as Error).message}): the next build removes it.`);
  }
}

/** Whether a deleting process took `folder`: it says so once it has renamed it, or found it gone. */
async function handedOver(folder: string, out: string): Promise<boolean> {
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [DELETER, folder, out], {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      // The build's own Node options are not for it: a debugger's --inspect-brk would hold it
      // before it answers, a profiler's would write a profile of it.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  } catch {
    return false; // spawn throws for some errors (ENOMEM) instead of emitting them
  }
  const answer = await new Promise<unknown>((resolve) => {
    child.once('message', resolve);
    child.once('error', () => resolve(undefined));
    child.once('exit', () => resolve(undefined));
  });
  child.unref();
  if (child.connected) child.disconnect();
  return answer === 'renamed' || answer === 'gone';
}

/** A rename, or, when `to` is on another file system, a copy that only counts once complete. */
async function moveBeside(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

export interface Cleanup {
  /** Folders removed, absolute. */
  removed: string[];
  /** The earlier output put back, when a build died between its two renames. */
  restored?: string;
}

/**
 * Removes the staging folders of builds for `out` whose process is gone, and what a stopped
 * deletion left; a running build's or deletion's are left alone. If the output itself is missing
 * and a dead build's old output is there, that is put back instead: it is the last good site.
 */
export async function cleanLeftovers(out: string, project: string, running = isRunning): Promise<Cleanup> {
  const found = [
    ...leftoversIn(path.dirname(out), `${path.basename(out)}.`, /^(tmp|old|deleting)-(\d+)$/),
    ...leftoversIn(path.join(project, '.cache'), '', /^(staging)-(\d+)$/),
  ]
    // `<out>.old-PID` was an output a build replaced, so it holds the marker (or nothing): a
    // writer's backup that happens to be named so (dist.old-2019) is not one, and is left alone.
    .filter((l) => !running(l.pid) && (l.what !== 'old' || madeByBuild(l.path) || readdirSync(l.path).length === 0));
  const cleanup: Cleanup = { removed: [] };
  const previous = found.find((l) => l.what === 'old');
  if (previous && lstatSync(out, { throwIfNoEntry: false }) === undefined) {
    await rename(previous.path, out);
    cleanup.restored = previous.path;
  }
  for (const l of found) {
    if (l.path === cleanup.restored) continue;
    await rm(l.path, { recursive: true, force: true });
    cleanup.removed.push(l.path);
  }
  return cleanup;
}

/** cleanLeftovers for a command (`out` as messages name it: `shown`), saying on stderr what it did. */
export async function cleanLeftoversAndSay(out: string, shown: string): Promise<void> {
  const cleanup = await cleanLeftovers(out, process.cwd());
  if (cleanup.restored) console.warn(`Put ${cleanup.restored} back as ${shown}: a build was stopped while replacing it.`);
  for (const removed of cleanup.removed) console.warn(`Removed ${removed}, left by a build that was stopped.`);
}

/** How a command's messages name its output folder: relative to the working folder when inside it, else in full. */
export function shownPath(out: string): string {
  const relative = path.relative(process.cwd(), out);
  return relative === '' || relative.startsWith('..') ? out : relative;
}

interface Leftover {
  path: string;
  what: string;
  pid: number;
}

/** Folders in `dir` named `prefix` then `rest`: (what)-(pid). */
function leftoversIn(dir: string, prefix: string, rest: RegExp): Leftover[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const match = entry.isDirectory() && entry.name.startsWith(prefix) ? rest.exec(entry.name.slice(prefix.length)) : null;
    return match ? [{ path: path.join(dir, entry.name), what: match[1]!, pid: Number(match[2]) }] : [];
  });
}
