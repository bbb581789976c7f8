/**
 * Finds which stored texts may be copies of a given one without comparing every pair: texts are
 * indexed by a deterministic sample of their 8-character shingles (and by date-time), so a copy
 * with a few damaged runs still shares most samples with the original.
 */
const SHINGLE = 8;
/** Keep one shingle in SAMPLE_EVERY (by hash): ~1/8 of a 1000-character text is 125 keys. */
const SAMPLE_EVERY = 8;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function sampledShingles(comparable: string): string[] {
  if (comparable.length <= SHINGLE) return [comparable];
  const keys = new Set<string>();
  for (let i = 0; i + SHINGLE <= comparable.length; i++) {
    const shingle = comparable.slice(i, i + SHINGLE);
    if (fnv1a(shingle) % SAMPLE_EVERY === 0) keys.add(shingle);
  }
  // A short text may sample nothing: fall back to its opening.
  return keys.size > 0 ? [...keys] : [comparable.slice(0, SHINGLE)];
}

export class CandidateIndex<T> {
  private readonly byKey = new Map<string, Set<T>>();

  add(item: T, comparable: string, epochMs: number): void {
    for (const key of [`@${epochMs}`, ...sampledShingles(comparable)]) {
      let items = this.byKey.get(key);
      if (!items) this.byKey.set(key, (items = new Set()));
      items.add(item);
    }
  }

  candidates(comparable: string, epochMs: number): Set<T> {
    const found = new Set<T>();
    for (const key of [`@${epochMs}`, ...sampledShingles(comparable)]) {
      for (const item of this.byKey.get(key) ?? []) found.add(item);
    }
    return found;
  }
}
