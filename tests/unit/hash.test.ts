import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/lib/hash.ts';

/** How hashOf hashed until 2026-11-30: an update per part and per separator. Its keys are in every build cache. */
function partByPart(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

describe('hashOf', () => {
  it('keeps the parts apart', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(hashOf('a', '')).not.toBe(hashOf('a'));
  });

  it('gives the keys the caches were written with', () => {
    for (const parts of [
      [],
      ['a'],
      ['', ''],
      ['zh-Hans', '淘宝新规', '{"a":[1,2]}'],
      ['半个\uD800字符', '\0'],
      ['x'.repeat(100_000), '发货'],
    ]) {
      expect(hashOf(...parts), JSON.stringify(parts).slice(0, 40)).toBe(partByPart(...parts));
    }
  });
});
