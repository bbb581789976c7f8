import { describe, expect, it } from 'vitest';
import { segmentProblems, type GivenSegment } from '../../../scripts/lib/assemble/segments.ts';

const given = (shown: string, index: number, count = 3, build = 'b1'): GivenSegment => ({
  dir: `/x/${shown}`,
  shown,
  manifest: { segment: `${index}/${count}`, index, count, shards: 7, build },
});

describe('segmentProblems', () => {
  it('accepts every segment of one build once, in any order', () => {
    expect(segmentProblems([given('c', 3), given('a', 1), given('b', 2)])).toEqual([]);
    expect(segmentProblems([given('a', 1, 1)])).toEqual([]);
  });

  it.each([
    { name: 'nothing', segments: [], problems: [] },
    {
      name: 'a missing segment',
      segments: [given('a', 1), given('c', 3)],
      problems: ['segment 2/3 is missing: give all 3 segments of the build'],
    },
    {
      name: 'two missing segments',
      segments: [given('b', 2)],
      problems: ['segments 1/3, 3/3 are missing: give all 3 segments of the build'],
    },
    {
      name: 'a segment given twice',
      segments: [given('a', 1), given('a2', 1), given('b', 2), given('c', 3)],
      problems: ['a and a2 are each segment 1/3: give each segment once'],
    },
    {
      name: 'another N, another build (nothing else is said then)',
      segments: [given('a', 1), given('b', 2, 4), given('c', 3, 3, 'b2')],
      problems: [
        'a is segment 1/3 and b is 2/4: give the segments of one build, which all have the same N',
        'a and c are segments of different builds (their content, code or settings differ): build every segment from the same commit, content and settings',
      ],
    },
    {
      name: 'a folder that is not a segment, with the others',
      segments: [{ dir: '/x/d', shown: 'd', problem: 'd is not a segment' }, given('a', 1)],
      problems: ['d is not a segment', 'segments 2/3, 3/3 are missing: give all 3 segments of the build'],
    },
  ])('lists $name', ({ segments, problems }) => {
    expect(segmentProblems(segments)).toEqual(problems);
  });
});
