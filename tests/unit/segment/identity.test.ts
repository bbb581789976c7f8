import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { readSettings } from '../../../src/config.ts';
import { buildIdentity } from '../../../src/integrations/segment/identity.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

let project: string;
const identity = (env: Record<string, string> = {}) =>
  buildIdentity(readSettings({ CONTENT_DIR: path.join(project, 'content'), ...env }), project);

beforeAll(async () => {
  project = await tempDir('identity');
  for (const folder of ['src', 'public', 'content/articles']) await mkdir(path.join(project, folder), { recursive: true });
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'src/a.ts', 'content/articles/x.md'])
    await writeFile(path.join(project, file), file);
});

it('is the same for the same content, code and settings, wherever the project is', async () => {
  const copy = await tempDir('identity-copy');
  await cp(project, copy, { recursive: true });
  expect(await buildIdentity(readSettings({ CONTENT_DIR: path.join(copy, 'content') }), copy)).toBe(await identity());
});

it('changes with the content, the code and the settings that shape the output, not with the others', async () => {
  const before = await identity();
  expect(await identity({ SITE_URL: 'https://other.example' })).not.toBe(before);
  expect(await identity({ SEARCH_SHARD_SIZE: '8' })).not.toBe(before);
  expect(await identity({ BUILD_SEGMENT: '2/3', SEARCH_INDEX_THREADS: '1' })).toBe(before);
  await writeFile(path.join(project, 'content/articles/x.md'), 'edited');
  const edited = await identity();
  expect(edited).not.toBe(before);
  await writeFile(path.join(project, 'src/b.ts'), 'new module');
  expect(await identity()).not.toBe(edited);
});
