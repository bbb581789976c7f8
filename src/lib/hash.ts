/** Stable hashes of strings. */
import { createHash } from 'node:crypto';

/** A short hash for cache keys: the parts are separated, so ('ab', 'c') ≠ ('a', 'bc'). */
export const hashOf = (...parts: string[]) => {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
};

/** FNV-1a: a fast, stable 32-bit hash of a string, where only spread is needed (no cryptography). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
