/**
 * The README's commands for writers, run as written against a copy of the real content/: a writer
 * who copies them gets a new draft and a clean check, not an error about a channel the archive
 * does not have.
 */
import { spawnSync } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dirs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The shell lines of the README's `sh` blocks, comments and all, as a writer would paste them. */
async function readmeCommands(): Promise<string[]> {
  const tree = unified()
    .use(remarkParse)
    .parse(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
  const lines: string[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang === 'sh') lines.push(...node.value.split('\n').filter((line) => line.trim() !== ''));
  });
  return lines;
}

/** The same command pointed at another content folder (`npm run new` and `check` take `--content`). */
function onContent(line: string, content: string): string {
  const [command = '', comment = ''] = line.split(/\s+#\s/);
  const target = `--content ${JSON.stringify(content)}`;
  return `${command.trim()} ${command.includes(' -- ') ? target : `-- ${target}`}${comment ? ` # ${comment}` : ''}`;
}

describe("the README's writer commands", () => {
  it('create a draft in an existing channel and pass the check, on a copy of the real archive', async () => {
    const writerLines = (await readmeCommands()).filter((line) => /^npm run (new|check)\b/.test(line));
    expect(writerLines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['npm run new', 'npm run check']);
    const content = path.join(await tempDir('readme'), 'content');
    await cp(path.join(ROOT, 'content'), content, { recursive: true });
    for (const line of writerLines) {
      const result = spawnSync('bash', ['-c', onContent(line, content)], { cwd: ROOT, encoding: 'utf8' });
      expect(result.status, `${line}\n${result.stdout}\n${result.stderr}`).toBe(0);
      if (line.startsWith('npm run new')) expect(result.stdout).toMatch(/Created .*\.md/);
      if (line.startsWith('npm run check')) expect(result.stdout).toMatch(/ 0 errors/);
    }
  });
});
