/**
 * A shard's fragments as one variant serves them (lib/search/fragment.ts): each holding the
 * variant's URL, title, channel names and text of its article, named as the reader index names
 * them. Written on the indexing threads, right after their shard: the text (parsing each body's
 * HTML) is the slow part.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SEARCH_BATCH } from '../../tuning.ts';
import { withView } from '../../lib/search/fragment.ts';
import { decodeJsonFile, encodeJsonFile, FRAGMENT_DIR } from '../../lib/search/pagefind-files.ts';
import type { FragmentView } from '../../lib/search/records.ts';
import { readShard, renamedFragments } from './reader-index.ts';

/** An article of a shard as a variant shows it in search results, but for its text, which is `html`'s. */
export interface FragmentSource {
  /** The record's URL (records.ts `recordUrl`), which Pagefind keeps as the fragment's `url`. */
  record: string;
  view: Omit<FragmentView, 'content'>;
  html: string;
}

/** Shard `number`'s fragments (in `from`) with `sources`' views, into `to`; `textOf` gives an article's text from its HTML. */
export async function writeVariantFragments(
  from: string,
  number: number,
  to: string,
  sources: FragmentSource[],
  textOf: (html: string) => string,
): Promise<void> {
  await mkdir(to, { recursive: true });
  const bySource = new Map(sources.map((s) => [s.record, s]));
  const names = [...renamedFragments(await readShard(from), number)];
  for (let i = 0; i < names.length; i += SEARCH_BATCH) {
    await Promise.all(
      names.slice(i, i + SEARCH_BATCH).map(async ([name, renamed]) => {
        const file = path.join(from, FRAGMENT_DIR, name);
        const fragment = decodeJsonFile(await readFile(file), file);
        const source = bySource.get(String(fragment.url));
        if (!source) throw new Error(`search: fragment ${name} is for "${String(fragment.url)}", which is not an article of its shard`);
        await writeFile(path.join(to, renamed), await encodeJsonFile(withView(fragment, { ...source.view, content: textOf(source.html) })));
      }),
    );
  }
}
