/** The text of src/lib/convert/wrong-script-chars.generated.ts, from each script's wrong characters. */
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../src/consts.ts';

export const WRONG_SCRIPT_CHARS_FILE = fileURLToPath(new URL('../../src/lib/convert/wrong-script-chars.generated.ts', import.meta.url));

export const wrongScriptCharsModule = (chars: Record<Lang, string>): string =>
  [
    "// Written by `npm run derive-script-chars` from opencc-js's dictionaries: do not edit. What these",
    '// are: han-script-sets.ts. A unit test fails when opencc-js no longer gives the same.',
    "import type { Lang } from '../../consts.ts';",
    '',
    'export const WRONG_SCRIPT_CHARS: Record<Lang, string> = {',
    // As Prettier writes it: the lines are too long for a key and its value on one.
    ...Object.entries(chars).map(([lang, text]) => `  '${lang}':\n    '${text}',`),
    '};',
    '',
  ].join('\n');
