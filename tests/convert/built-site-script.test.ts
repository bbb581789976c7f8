/**
 * The script check over the real built site (`dist/`, both variants): no simplified-only
 * character on a zh-Hant page, no traditional-only one on a zh-Hans page, outside protected text.
 * Runs when a build is present (`npm run build` first); every problem names the page and character.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/lib/convert/glossary.ts';
import { checkSiteScript } from '../../src/lib/convert/site-script-check.ts';

const DIST = process.env.DIST_DIR ?? 'dist';

describe.skipIf(!existsSync(`${DIST}/index.html`))(`the built site in ${DIST}/`, () => {
  it('has every page in its own script', async () => {
    const { entries } = parseGlossary(readFileSync('content/glossary.yaml', 'utf8'), 'content/glossary.yaml');
    const problems = await checkSiteScript(DIST, entries);
    expect(problems.map((p) => `${p.page}: ${p.message}`)).toEqual([]);
  });
});
