/**
 * A seeded pseudo-random stream (mulberry32): the same seed gives the same corpus on every
 * machine and Node version, which Math.random cannot promise.
 */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (list) => {
      if (list.length === 0) throw new Error('random: cannot pick from an empty list');
      return list[int(list.length)]!;
    },
    chance: (p) => next() < p,
  };
}

/** An independent stream per item, so item i is the same whatever the corpus size. */
export const itemRandom = (seed: number, item: number) => seededRandom(Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(item + 1, 0x85ebca6b));
