import path from 'node:path';

/** The legacy pages the tests read (copies of ../shared/legacy, see the folder's README). */
export const LEGACY_DIR = path.resolve(import.meta.dirname, '../fixtures/legacy');
export const legacyFile = (name: string) => path.join(LEGACY_DIR, name);
