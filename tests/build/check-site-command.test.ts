/** `tsx scripts/check-site.ts [dist]`: prints every problem and exits non-zero when there is one. */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSite, writeTree, ORIGIN } from '../unit/site-checks/synthetic-site.ts';

const TSX = join('node_modules', 'tsx', 'dist', 'cli.mjs');
// SITE_URL pins the origin the CLI reads from src/consts.ts to the synthetic site's.
const run = (dist: string) =>
  spawnSync(process.execPath, [TSX, 'scripts/check-site.ts', dist], { encoding: 'utf8', env: { ...process.env, SITE_URL: ORIGIN } });

describe('check-site CLI', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true }))));

  it.each([
    { name: 'a good site', planted: false, status: 0, stdout: (dist: string) => `${dist}: no problems\n`, stderr: () => '' },
    {
      name: 'a site with a missing page',
      planted: true,
      status: 1,
      stdout: () =>
        '/: <a href="/missing/"> is broken: no missing/index.html in the built site\n' +
        '/zh-hant/: <a href="/missing/"> is broken: no missing/index.html in the built site\n',
      stderr: (dist: string) => `2 problems in ${dist}\n`,
    },
  ])('$name', async ({ planted, status, stdout, stderr }) => {
    const tree = syntheticSite({ channels: 1, articlesPerChannel: 1, pageSize: 1 });
    if (planted)
      for (const file of ['index.html', 'zh-hant/index.html'])
        tree.set(file, tree.get(file)!.replace('</main>', '<p><a href="/missing/">缺</a></p>\n</main>'));
    const dist = await writeTree(tree);
    dirs.push(dist);
    const result = run(dist);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status,
      stdout: stdout(dist),
      stderr: stderr(dist),
    });
  });

  it('says how to fix a missing folder', () => {
    const result = run('no-such-dist');
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: 'no-such-dist: no such folder; build the site first (npm run build) or name the built folder\n',
    });
  });
});
