import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGACY_DIR } from '../../helpers/legacy.ts';

const ORIGINALS = path.resolve(import.meta.dirname, '../../../../shared/legacy');
const copies = readdirSync(LEGACY_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('the legacy pages the tests read', () => {
  it('are the three scraped pages', () => {
    expect(copies).toEqual(['jingying-page-8.txt', 'shequn-longform.txt', 'shequn-page-2.txt']);
  });

  it.skipIf(!existsSync(ORIGINALS))('are byte-identical to ../shared/legacy', () => {
    const originals = readdirSync(ORIGINALS)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(copies).toEqual(originals);
    for (const name of copies) {
      expect(readFileSync(path.join(LEGACY_DIR, name)).equals(readFileSync(path.join(ORIGINALS, name))), name).toBe(true);
    }
  });
});
