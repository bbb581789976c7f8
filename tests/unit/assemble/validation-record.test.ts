import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownFromSegments } from '../../../scripts/lib/assemble/validation-record.ts';
import { VALIDATOR } from '../../../scripts/lib/site-checks/validate.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const said = (message: string) => [{ line: 1, column: 2, rule: 'r', message }];

/** A segment folder holding only its validation record, written as `text`. */
async function segmentWith(root: string, name: string, text: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, '.segment'), { recursive: true });
  await writeFile(path.join(dir, '.segment/validated.json'), text);
  return dir;
}

describe('knownFromSegments', () => {
  it("knows what each segment recorded under today's rules, and nothing from a record missing, damaged or of other rules", async () => {
    const root = await tempDir('validation-record');
    const dirs = [
      await segmentWith(
        root,
        'a',
        JSON.stringify({
          validator: VALIDATOR,
          pages: [
            ['h1', said('one')],
            ['h2', []],
          ],
        }),
      ),
      await segmentWith(root, 'b', JSON.stringify({ validator: VALIDATOR, pages: [['h3', said('three')]] })),
      await segmentWith(root, 'other-rules', JSON.stringify({ validator: 'html-validate 1', pages: [['h4', []]] })),
      await segmentWith(root, 'cut-short', '{"validator":'),
      await segmentWith(root, 'other-shape', JSON.stringify({ validator: VALIDATOR, pages: { h5: [] } })),
      path.join(root, 'no-record'),
    ];
    const known = knownFromSegments(dirs);
    expect(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(known)).toEqual([said('one'), [], said('three'), undefined, undefined, undefined]);
  });
});
