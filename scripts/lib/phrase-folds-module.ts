/** The text of src/lib/search/phrase-folds.generated.ts, from the pairs phrase-folds.ts derives. */
import { fileURLToPath } from 'node:url';

export const PHRASE_FOLDS_FILE = fileURLToPath(new URL('../../src/lib/search/phrase-folds.generated.ts', import.meta.url));

export const phraseFoldsModule = (folds: string[]): string =>
  [
    "// Written by `npm run derive-script-chars` from opencc-js's dictionaries: do not edit. What these",
    '// are: phrase-folds.ts. A unit test fails when opencc-js no longer gives the same.',
    // As Prettier writes it: the line is too long for the name and its value on one.
    'export const PHRASE_FOLDS =',
    `  '${folds.join(' ')}';`,
    '',
  ].join('\n');
