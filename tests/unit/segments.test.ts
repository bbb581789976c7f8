import { describe, expect, it } from 'vitest';
import { formatSegment, inSegment, parseSegment, shareOf } from '../../src/lib/segments.ts';

describe('parseSegment', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    ['12/12', { index: 12, count: 12 }],
  ])('reads %s', (text, segment) => {
    expect(parseSegment(text)).toEqual(segment);
    expect(formatSegment(segment)).toBe(text);
  });

  it.each(['0/3', '4/3', '2', '2/0', ' 2/3', '2/3/4', '-1/3', '02/3', 'a/b', ''])('refuses %j', (text) => {
    expect(parseSegment(text)).toBeUndefined();
  });
});

describe('shareOf', () => {
  const items = Array.from({ length: 10 }, (_, i) => i);

  it('gives each segment every N-th item, from its own offset', () => {
    expect(shareOf(items, { index: 1, count: 3 })).toEqual([0, 3, 6, 9]);
    expect(shareOf(items, { index: 2, count: 3 })).toEqual([1, 4, 7]);
    expect(shareOf(items, { index: 3, count: 3 })).toEqual([2, 5, 8]);
  });

  it('splits any list into parts that together hold each item once, differing in size by one at most', () => {
    for (let count = 1; count <= 7; count++) {
      const shares = Array.from({ length: count }, (_, i) => shareOf(items, { index: i + 1, count }));
      expect(shares.flat().sort((a, b) => a - b)).toEqual(items);
      const sizes = shares.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every item without a segment (a whole build)', () => {
    expect(shareOf(items, undefined)).toEqual(items);
    expect(inSegment(5, undefined)).toBe(true);
  });
});
