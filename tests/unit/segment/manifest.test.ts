/** A segment's manifest (`.segment/segment.json`) is read only when its parts agree, as a segment build writes them. */
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../src/integrations/segment/output.ts';

const written = { segment: '2/3', index: 2, count: 3, shards: 7, build: 'b1' };

describe('manifestSchema', () => {
  it('reads a manifest as a segment build writes it', () => {
    expect(manifestSchema.parse(written)).toEqual(written);
  });

  it.each([
    ['its count changed by hand', { ...written, count: 4 }],
    ['its index changed by hand', { ...written, index: 3 }],
    ['an index beyond the count', { ...written, segment: '4/3', index: 4 }],
  ])('refuses one with %s', (_, manifest) => {
    expect(manifestSchema.safeParse(manifest).success).toBe(false);
  });
});
