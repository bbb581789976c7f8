/** Stable hashes of strings. */
import { createHash, hash } from 'node:crypto';

/**
 * A short hash for cache keys: the parts are separated, so ('ab', 'c') ≠ ('a', 'bc'). One call
 * for the whole text: a build makes about 650,000 of these at 50,000 articles, and a hash object
 * with an update per part and per separator cost 1.3–1.7 µs a key of a few hundred bytes against
 * 0.9–1.0 µs (the same hash, so every cache stays valid).
 */
export const hashOf = (...parts: string[]) => hash('sha1', parts.length === 0 ? '' : `${parts.join('\0')}\0`, 'base64url');

/** `hashOf` for a file: its name and its bytes as they are (no text to decode first, nor to encode again to hash it). */
export const hashOfFile = (name: string, bytes: Uint8Array) => createHash('sha1').update(`${name}\0`).update(bytes).digest('base64url');

/**
 * `part`, whose JSON is from now on the hash of its fields' JSON (made the first time it is asked
 * for): for data many page keys contain (route-data/cache-key.ts), such as a variant's words or an
 * article as lists show it, so that each key hashes a short name for it instead of all of it
 * again. The part must not change afterwards, as build data does not. Marked by a `toJSON` that is
 * not enumerable, so a copy for another thread stays plain data; a part inside a part stands as
 * its own hash in its parent's.
 */
export function jsonAsHash<T extends object>(part: T): T {
  if (Object.hasOwn(part, 'toJSON')) return part;
  return Object.defineProperty(part, 'toJSON', { value: hashedJson });
}

/** Where a part keeps its hash once made: a symbol, not enumerable, so neither its JSON nor a copy of it has it. */
const JSON_HASH = Symbol('the hash of the JSON of its fields');

/**
 * The `toJSON` of every part: one function, where a closure of its own for each part (with the
 * hash and the fields in its context) was three more objects for each of the 100,000 articles of
 * a 50,000-article build's variants, 17 MB of a heap of 450 MB (a heap snapshot).
 */
function hashedJson(this: object): string {
  const made = (this as { [JSON_HASH]?: string })[JSON_HASH];
  if (made !== undefined) return made;
  const hash = `#${hashOf(JSON.stringify(Array.isArray(this) ? [...this] : { ...this }))}`;
  Object.defineProperty(this, JSON_HASH, { value: hash });
  return hash;
}

/** FNV-1a: a fast, stable 32-bit hash of a string, where only spread is needed (no cryptography). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
