/**
 * `npm run derive-script-chars`: writes src/lib/convert/wrong-script-chars.generated.ts, the
 * characters each script must not hold (han-script-sets.ts `deriveWrongScriptChars`), and
 * src/lib/search/phrase-folds.generated.ts, the characters the search folds together
 * (phrase-folds.ts `derivePhraseFolds`), from the installed opencc-js's dictionaries. Run it after
 * opencc-js changes: a unit test fails until then.
 */
import { writeFileSync } from 'node:fs';
import { LANGS, type Lang } from '../src/consts.ts';
import { deriveWrongScriptChars } from '../src/lib/convert/han-script-sets.ts';
import { WRONG_SCRIPT_CHARS_FILE, wrongScriptCharsModule } from './lib/wrong-script-chars-module.ts';
import { derivePhraseFolds } from '../src/lib/search/phrase-folds.ts';
import { PHRASE_FOLDS_FILE, phraseFoldsModule } from './lib/phrase-folds-module.ts';

const chars = Object.fromEntries(LANGS.map((lang) => [lang, deriveWrongScriptChars(lang)])) as Record<Lang, string>;
writeFileSync(WRONG_SCRIPT_CHARS_FILE, wrongScriptCharsModule(chars));
console.log(`Wrote ${WRONG_SCRIPT_CHARS_FILE}`);
writeFileSync(PHRASE_FOLDS_FILE, phraseFoldsModule(derivePhraseFolds()));
console.log(`Wrote ${PHRASE_FOLDS_FILE}`);
