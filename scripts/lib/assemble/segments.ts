/**
 * Which folders `npm run assemble` may join: each one segment of the same build (its manifest,
 * src/integrations/segment/output.ts), every segment once. The checks are pure, on manifests
 * read beforehand, so that every problem is listed at once.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestSchema, MANIFEST_FILE, SEGMENT_DIR, SHARDS_DIR, type SegmentManifest } from '../../../src/integrations/segment/output.ts';
import { inSegment } from '../../../src/lib/segments.ts';

/**
 * A folder named on the command line (`shown` as written), with its manifest and the names of its
 * search shards' folders, or why it has none.
 */
export type GivenSegment = { dir: string; shown: string } & ({ manifest: SegmentManifest; shardFolders: string[] } | { problem: string });

export function readSegment(shown: string): GivenSegment {
  const dir = path.resolve(shown);
  const file = path.join(dir, SEGMENT_DIR, MANIFEST_FILE);
  // Its own files, not a link to someone else's (a link out of the segment is never followed).
  const isLink = (f: string) => {
    try {
      return lstatSync(f, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    } catch {
      return false; // a file named as the segment, or unreadable: the manifest's reading says so
    }
  };
  if ([path.join(dir, SEGMENT_DIR), file].some(isLink)) {
    return { dir, shown, problem: `${path.join(shown, SEGMENT_DIR, MANIFEST_FILE)} is reached through a link: build that segment again` };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {
      dir,
      shown,
      problem: `${shown} is not a segment of a build (it has no ${SEGMENT_DIR}/${MANIFEST_FILE}): name the folders npm run build -- --segment I/N --out <folder> wrote`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return { dir, shown, problem: `${path.join(shown, SEGMENT_DIR, MANIFEST_FILE)} is damaged: build that segment again` };
  }
  let shardFolders: string[];
  try {
    shardFolders = readdirSync(path.join(dir, SEGMENT_DIR, SHARDS_DIR));
  } catch {
    shardFolders = [];
  }
  return { dir, shown, manifest: parsed.data, shardFolders };
}

/** How many search shards segment `index` of `count` indexed: numbers index-1, index-1+count, … below `shards`. */
const shardCount = ({ index, count, shards }: SegmentManifest) => Math.max(0, Math.ceil((shards - index + 1) / count));

/** Why these segments cannot be joined into a site; none when they are every segment of one build, once each. */
export function segmentProblems(segments: readonly GivenSegment[]): string[] {
  const problems = segments.flatMap((s) => ('problem' in s ? [s.problem] : []));
  const valid = segments.flatMap((s) => ('manifest' in s ? [{ ...s, manifest: s.manifest }] : []));
  const [first] = valid;
  if (!first) return problems;
  const other = (differs: (m: SegmentManifest) => boolean) => valid.filter((s) => differs(s.manifest));
  const unusable = problems.length;
  for (const s of other((m) => m.count !== first.manifest.count)) {
    problems.push(
      `${first.shown} is segment ${first.manifest.segment} and ${s.shown} is ${s.manifest.segment}: ` +
        'give the segments of one build, which all have the same N',
    );
  }
  for (const s of other((m) => m.count === first.manifest.count && m.build !== first.manifest.build)) {
    problems.push(
      `${first.shown} and ${s.shown} are segments of different builds (their content, code or settings differ): ` +
        'build every segment from the same commit, content and settings',
    );
  }
  // Which segment is missing or given twice means nothing among segments of different builds.
  if (problems.length > unusable) return problems;
  const { count } = first.manifest;
  for (let index = 1; index <= count; index++) {
    const holders = valid.filter((s) => s.manifest.index === index);
    if (holders.length > 1) {
      problems.push(`${holders.map((s) => s.shown).join(' and ')} are each segment ${index}/${count}: give each segment once`);
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !valid.some((s) => s.manifest.index === index));
  if (missing.length > 0) {
    const names = missing.map((index) => `${index}/${count}`).join(', ');
    problems.push(
      `segment${missing.length > 1 ? 's' : ''} ${names} ${missing.length > 1 ? 'are' : 'is'} missing: give all ${count} segments of the build`,
    );
  }
  // Each holds exactly the search shards its manifest says, all of them agreeing on how many the archive has.
  for (const s of other((m) => m.shards !== first.manifest.shards)) {
    problems.push(
      `${first.shown} says the archive has ${first.manifest.shards} search shards and ${s.shown} ${s.manifest.shards}: ` +
        'a segment.json was changed; build that segment again',
    );
  }
  for (const s of valid) {
    // Counted first (a damaged manifest may claim millions of shards); then each folder one of its shards.
    const isShard = (name: string) => {
      const number = Number(name);
      return String(number) === name && number < s.manifest.shards && inSegment(number, s.manifest);
    };
    if (s.shardFolders.length === shardCount(s.manifest) && s.shardFolders.every(isShard)) continue;
    problems.push(
      `${s.shown} does not hold the search shards its ${SEGMENT_DIR}/${MANIFEST_FILE} names (${s.manifest.shards} in the archive, ` +
        `every ${count}th from ${s.manifest.index - 1}): build that segment again`,
    );
  }
  return problems;
}
