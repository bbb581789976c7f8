import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSegment, segmentProblems, type GivenSegment } from '../../../scripts/lib/assemble/segments.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const given = (shown: string, index: number, count = 3, build = 'b1'): GivenSegment => ({
  dir: `/x/${shown}`,
  shown,
  manifest: { segment: `${index}/${count}`, index, count, shards: 7, build },
  // The shards it indexed: index-1, index-1+count, …
  shardFolders: Array.from({ length: 7 }, (_, k) => k).flatMap((k) => (k % count === index - 1 ? [String(k)] : [])),
});

describe('segmentProblems', () => {
  it('accepts every segment of one build once, in any order', () => {
    expect(segmentProblems([given('c', 3), given('a', 1), given('b', 2)])).toEqual([]);
    expect(segmentProblems([given('a', 1, 1)])).toEqual([]);
  });

  it('names a segment whose shards are not those its manifest says, and manifests that disagree on how many', () => {
    const lacking = { ...given('b', 2), shardFolders: ['1'] } as GivenSegment;
    const c = given('c', 3) as GivenSegment & { manifest: { shards: number } };
    const claiming = { ...c, manifest: { ...c.manifest, shards: 2_000_000_000 } } as GivenSegment;
    expect(segmentProblems([given('a', 1), lacking, claiming])).toEqual([
      'a says the archive has 7 search shards and c 2000000000: a segment.json was changed; build that segment again',
      'b does not hold the search shards its .segment/segment.json names (7 in the archive, every 3th from 1): build that segment again',
      'c does not hold the search shards its .segment/segment.json names (2000000000 in the archive, every 3th from 2): build that segment again',
    ]);
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

describe('readSegment', () => {
  it('says a file named as a segment is none, without throwing', async () => {
    const file = path.join(await tempDir('segment-file'), 'notes.txt');
    await writeFile(file, 'not a segment');
    expect(readSegment(file)).toMatchObject({ problem: expect.stringMatching(/is not a segment of a build/) });
  });
});
