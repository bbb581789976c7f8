import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePhraseFolds } from '../../../src/lib/search/phrase-folds.ts';
import { PHRASE_FOLDS } from '../../../src/lib/search/phrase-folds.generated.ts';
import { PHRASE_FOLDS_FILE, phraseFoldsModule } from '../../../scripts/lib/phrase-folds-module.ts';

describe('derivePhraseFolds', () => {
  it('pairs what a zh-Hant page shows inside words with the simplified character it stands for', () => {
    const folds = derivePhraseFolds();
    // 了解 → 瞭解, 反复 → 反覆, 坐标 → 座標; never a pair converting the character alone gives (發 → 发).
    expect(folds).toEqual(expect.arrayContaining(['瞭了', '覆复', '座坐']));
    expect(folds).not.toContain('發发');
    for (const fold of folds) expect(fold).toMatch(/^\p{Script=Han}{2}$/u);
  });

  it("is what opencc-js's dictionaries give now, as written into the generated module", () => {
    const derived = derivePhraseFolds();
    expect(PHRASE_FOLDS.split(' '), 'opencc-js has changed: run npm run derive-script-chars').toEqual(derived);
    expect(readFileSync(PHRASE_FOLDS_FILE, 'utf8')).toBe(phraseFoldsModule(derived));
  });
});
