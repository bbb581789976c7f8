/**
 * Folders the scale bench is done with (the last output, the last cache, the peer's last site),
 * moved aside instead of deleted, and deleted when the bench is over.
 *
 * On this machine's file system (ext4, mounted with online discard), files made right after tens
 * of thousands were deleted are made several times slower: linking 21,000 pages into a fresh
 * folder took 0.6–0.85 s, and 1.2–3.6 s right after a deletion (a loop of `linkSync`, 13 runs). A
 * 10,000-article edit rebuild run right after its last output was deleted spent 4.6–8.4 s of
 * system time (six runs), against 2.5–3.3 s with the output moved aside (four runs, after a
 * first one, following a series of deletions, at 4.5 s). A CI runner starts with no old output to
 * delete, and neither does the peer's: so no measured build follows a deletion.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export function setAside(work: string) {
  const dir = path.join(work, 'set-aside');
  let count = 0;
  return {
    /** Moves `folder` (if it exists) out of the way, to be deleted by `clear`. */
    async move(folder: string): Promise<void> {
      if (!existsSync(folder)) return;
      await mkdir(dir, { recursive: true });
      await rename(folder, path.join(dir, `${Date.now()}-${count++}-${path.basename(folder)}`));
    },
    /** Deletes what was set aside (and what a bench stopped before its end left there). */
    clear: () => rm(dir, { recursive: true, force: true }),
  };
}
