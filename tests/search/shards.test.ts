import { describe, expect, it } from 'vitest';
import { shardFolder, shardsOf } from '../../src/lib/search/shards.ts';

const article = (slug: string, day: number) => ({ slug, date: { epochMs: Date.UTC(2019, 0, day) } });
const slugs = (shards: { slug: string }[][]) => shards.map((s) => s.map((a) => a.slug));

describe('search shards', () => {
  const archive = [article('e', 5), article('a', 1), article('c', 3), article('b', 2), article('d', 3)];

  it('are filled oldest first, ties always in the same order', () => {
    expect(slugs(shardsOf(archive, 2))).toEqual([['a', 'b'], ['d', 'c'], ['e']]);
  });

  it('change only the last one when the newest article is added', () => {
    const before = slugs(shardsOf(archive, 2));
    const after = slugs(shardsOf([...archive, article('f', 9)], 2));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toEqual(['e', 'f']);
  });

  it('are one empty shard for an empty archive (the bundle still exists)', () => {
    expect(shardsOf([], 1000)).toEqual([[]]);
  });

  it('refuse a size that is not a whole number above 0', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => shardsOf(archive, size)).toThrow(`not ${size}`);
  });

  it('sit in the bundle, then in numbered folders', () => {
    expect([0, 1, 12].map(shardFolder)).toEqual(['', 's1/', 's12/']);
  });
});
