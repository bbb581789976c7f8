/** A short, stable hash of strings, for cache keys: the parts are separated, so ('ab', 'c') ≠ ('a', 'bc'). */
import { createHash } from 'node:crypto';

export const hashOf = (...parts: string[]) => {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
};
