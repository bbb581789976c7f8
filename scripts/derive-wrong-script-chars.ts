/**
 * `npm run derive-script-chars`: writes src/lib/convert/wrong-script-chars.generated.ts, the
 * characters each script must not hold, from the installed opencc-js's dictionaries
 * (han-script-sets.ts `deriveWrongScriptChars`). Run it after opencc-js changes: a unit test
 * fails until then.
 */
import { writeFileSync } from 'node:fs';
import { LANGS, type Lang } from '../src/consts.ts';
import { deriveWrongScriptChars } from '../src/lib/convert/han-script-sets.ts';
import { WRONG_SCRIPT_CHARS_FILE, wrongScriptCharsModule } from './lib/wrong-script-chars-module.ts';

const chars = Object.fromEntries(LANGS.map((lang) => [lang, deriveWrongScriptChars(lang)])) as Record<Lang, string>;
writeFileSync(WRONG_SCRIPT_CHARS_FILE, wrongScriptCharsModule(chars));
console.log(`Wrote ${WRONG_SCRIPT_CHARS_FILE}`);
