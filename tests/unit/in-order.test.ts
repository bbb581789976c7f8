import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InOrder } from '../../src/lib/in-order.ts';

/** A list of names, and names asked for: some of the list's, in any order, among others. */
const listAndAsked = fc
  .tuple(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.array(fc.string(), { maxLength: 30 }))
  .chain(([names, others]) => fc.tuple(fc.constant(names), fc.shuffledSubarray([...names, ...others])));

describe('InOrder', () => {
  it('finds every entry by its name, whatever the order names are asked for in', () => {
    fc.assert(
      fc.property(listAndAsked, ([names, asked]) => {
        const list = new InOrder(names, (name) => name);
        for (const name of asked) expect(list.find(name)).toBe(names.includes(name) ? names.indexOf(name) : undefined);
      }),
    );
  });

  it("asked in the list's order, compares each name with one entry only", () => {
    const nameOf = vi.fn((entry: { name: string }) => entry.name);
    const list = new InOrder(
      ['a', 'b', 'c', 'd'].map((name) => ({ name })),
      nameOf,
    );
    expect(['a', 'b', 'c', 'd'].map((name) => list.find(name))).toEqual([0, 1, 2, 3]);
    expect(nameOf).toHaveBeenCalledTimes(4);
  });

  it('after a name out of order, expects the entry after it', () => {
    const nameOf = vi.fn((name: string) => name);
    const list = new InOrder(['a', 'b', 'c', 'd'], nameOf);
    expect(list.find('c')).toBe(2);
    nameOf.mockClear();
    expect(list.find('d')).toBe(3);
    expect(nameOf).toHaveBeenCalledTimes(1);
    expect(list.find('a')).toBe(0);
    expect(list.find('b')).toBe(1);
  });
});
