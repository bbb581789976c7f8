/** The build cache's temporary names, and the removal of those whose process is gone. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abandonedOf, isRunning, removeAbandonedBeside, temporaryName } from '../../src/integrations/temporary-names.ts';
import { tempDir } from '../helpers/temp-dirs.ts';
import { goneProcess } from '../helpers/gone-process.ts';

describe('temporary names', () => {
  it('name this process beside the target', () => {
    expect(temporaryName('/cache/front-matter.jsonl')).toBe(`/cache/front-matter.jsonl.${process.pid}.tmp`);
  });

  it('tell a running process from a gone one', () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(goneProcess())).toBe(false);
  });

  it('are abandoned when their process is gone, and only then', () => {
    const gone = goneProcess();
    const names = [`a.${gone}.tmp`, `b.${process.pid}.tmp`, 'c.tmp', `d.${gone}.tmp.json`, 'e'];
    expect(abandonedOf(names)).toEqual([`a.${gone}.tmp`]);
  });

  it('of one target are removed when abandoned, files and folders, and nothing else beside it', async () => {
    const dir = await tempDir('temporary-names');
    const target = path.join(dir, 'page-outputs-x.json');
    const gone = goneProcess();
    writeFileSync(target, '{}');
    writeFileSync(`${target}.${gone}.tmp`, 'half');
    mkdirSync(`${target}.${goneProcess()}.tmp`);
    writeFileSync(temporaryName(target), 'being written');
    writeFileSync(path.join(dir, `page-outputs-y.json.${gone}.tmp`), 'another target');
    removeAbandonedBeside(target);
    expect(readdirSync(dir).sort()).toEqual([
      'page-outputs-x.json',
      `page-outputs-x.json.${process.pid}.tmp`,
      `page-outputs-y.json.${gone}.tmp`,
    ]);
    expect(existsSync(target)).toBe(true);
  });

  it('beside a target in no folder yet are nothing to remove', async () => {
    const dir = await tempDir('temporary-names');
    expect(() => removeAbandonedBeside(path.join(dir, 'missing', 'file.json'))).not.toThrow();
  });
});
