/** The names in a folder of the build cache: none where no build has made it yet. */
import { readdirSync } from 'node:fs';

export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [];
  }
}
