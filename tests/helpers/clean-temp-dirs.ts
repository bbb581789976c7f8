/** Setup file of every test project: a test file's temporary folders go when it is done. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.ts';

afterAll(removeTempDirs);
