/**
 * The published XSS vector lists vendored in tests/fixtures/xss (see its README for where each
 * comes from and its licence), one vector a line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/xss/', import.meta.url));

const lines = (file: string): string[] => readFileSync(`${FIXTURES}${file}`, 'utf8').split('\n');

export const XSS_VECTOR_LISTS: Record<string, string[]> = {
  /** OWASP / RSnake XSS Filter Evasion Cheat Sheet vectors, as shipped by xss-filters. */
  'owasp-rsnake.xss': lines('owasp-rsnake.xss').filter((line) => line.trim() !== ''),
  /** The Big List of Naughty Strings' "Script Injection" section; `#` lines are its comments. */
  'blns-script-injection.txt': lines('blns-script-injection.txt').filter((line) => line.trim() !== '' && !line.startsWith('#')),
};
