/**
 * The build cache's temporary names: a file or folder is written under `<target>.<pid>.tmp` and
 * renamed to its target once whole, so a build killed meanwhile leaves a temporary, never half a
 * target. Nothing reads temporaries; the next build removes those whose process is gone (a shard
 * folder cut short by Ctrl-C holds megabytes, and would stay in the cache CI restores). A running
 * build's are left alone.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { namesIn } from './folder-names.ts';

/** The name this process writes `target` under before renaming it into place. */
export const temporaryName = (target: string) => `${target}.${process.pid}.tmp`;

/** A `temporaryName`'s parts: the target's name and the writer's process id. */
const TEMPORARY = /^(.*)\.(\d+)\.tmp$/;

/** True while a process with this id runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Of `names` (in one folder), the temporaries whose process is gone; with `target`, only that target's. */
export function abandonedOf(names: string[], target?: string): string[] {
  return names.filter((name) => {
    const [, of, pid] = TEMPORARY.exec(name) ?? [];
    return pid !== undefined && (target === undefined || of === target) && !isRunning(Number(pid));
  });
}

/** Removes the temporaries of `target` left beside it by processes that are gone. */
export function removeAbandonedBeside(target: string): void {
  const folder = path.dirname(target);
  for (const name of abandonedOf(namesIn(folder), path.basename(target))) rmSync(path.join(folder, name), { recursive: true, force: true });
}
