import { describe, expect, it } from 'vitest';
import { sharesOf } from '../../src/integrations/thread.ts';

describe('sharesOf', () => {
  it.each<[number[], number, number[][]]>([
    [
      [1, 2, 3, 4, 5],
      2,
      [
        [1, 2, 3],
        [4, 5],
      ],
    ],
    [[1, 2, 3, 4], 4, [[1], [2], [3], [4]]],
    // Fewer items than shares: no empty share, so no thread is started for nothing.
    [[1, 2], 4, [[1], [2]]],
    [[], 3, []],
  ])('%j in %i', (items, count, shares) => expect(sharesOf(items, count)).toEqual(shares));
});
