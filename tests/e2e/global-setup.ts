/** Builds the browser tests' site once for all of them. */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build-site.ts';
import { writeContent } from '../helpers/content-fixture.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dirs.ts';
import { E2E_CONTENT } from './fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDist: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await tempDir('e2e-site');
  const content = await writeContent(path.join(root, 'content'), E2E_CONTENT);
  const dist = path.join(root, 'dist');
  // Small search shards, so that the search tests run on a reader index merged from several.
  const result = buildSite(content, dist, { SEARCH_SHARD_SIZE: '10' });
  if (result.status !== 0) throw new Error(`the browser tests' site did not build:\n${result.output}`);
  project.provide('e2eDist', dist);
  return removeTempDirs;
}
