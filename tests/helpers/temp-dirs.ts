/**
 * Temporary folders for tests, removed when their test file is done (clean-temp-dirs.ts, a setup
 * file of every test project): a full run made about 150 of them, 300 MB, and left them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new folder named `<prefix>-XXXXXX` in `parent` (the system's temporary folder unless given). */
export async function tempDir(prefix: string, parent = tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(parent, `${prefix}-`));
  made.push(dir);
  return dir;
}

export function tempDirSync(prefix: string, parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, `${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder made so far by this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
