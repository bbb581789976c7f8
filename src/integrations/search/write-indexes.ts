/**
 * Writes one Pagefind bundle per variant (`/pagefind/`, `/zh-hant/pagefind/`) from the site's data,
 * with the search config beside each. Used by the Astro integration and by the benchmark.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS, SOURCE_LANG, type Lang } from '../../consts.ts';
import type { Site } from '../../lib/site.ts';
import { toSimplified } from '../../lib/convert/opencc.ts';
import { folderOf } from '../../lib/urls.ts';
import { buildScriptMap } from '../../lib/search/normalise.ts';
import { articleText, INDEX_LANGUAGE, indexedText, searchEntries } from '../../lib/search/records.ts';
import type { Segmentation } from '../../lib/search/query.ts';
import { CONFIG_FILE, textFile, type SearchConfig } from '../../lib/search/config.ts';

export interface IndexStats {
  lang: Lang;
  records: number;
  ms: number;
}

/** Records are sent, and text files written, in batches: all at once would hold every message in
 * memory twice, and open a file for every article. */
const BATCH = 200;
/** Pagefind's own UI, which the site does not use (it has its own, in the page's script). */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

export async function writeSearchIndexes(site: Site, outDir: string, segmentation: Segmentation): Promise<IndexStats[]> {
  const variants = LANGS.map((lang) => site.variants[lang]);
  // Each article's readable text, per variant, extracted once.
  const texts = new Map(variants.map((v) => [v.lang, new Map(v.articles.map((a) => [a.slug, articleText(a.html)]))]));
  const textsOf = (lang: Lang) => texts.get(lang)!;
  const map = buildScriptMap(
    variants.flatMap((v) => v.articles.flatMap((a) => [a.title, textsOf(v.lang).get(a.slug)!])),
    toSimplified,
  );
  const simplified = site.variants[SOURCE_LANG];
  const indexed = new Map(simplified.articles.map((a) => [a.slug, indexedText(a.title, textsOf(SOURCE_LANG).get(a.slug)!, map)]));
  const config: SearchConfig = { segmentation, language: INDEX_LANGUAGE[segmentation], map };

  const stats: IndexStats[] = [];
  try {
    for (const variant of variants) {
      const started = performance.now();
      const bundle = path.join(outDir, folderOf(variant.lang), 'pagefind');
      const { index, errors } = await pagefind.createIndex();
      if (!index) throw new Error(`search: Pagefind could not create the ${variant.lang} index: ${errors.join('; ')}`);
      const entries = searchEntries(variant, indexed, textsOf(variant.lang), segmentation);
      const problems: string[] = [];
      for (let i = 0; i < entries.length; i += BATCH) {
        const added = await Promise.all(entries.slice(i, i + BATCH).map((e) => index.addCustomRecord(e.record)));
        added.forEach((r, j) => problems.push(...r.errors.map((e) => `${entries[i + j]!.record.url}: ${e}`)));
      }
      const written = await index.writeFiles({ outputPath: bundle });
      problems.push(...written.errors);
      if (problems.length) throw new Error(`search: Pagefind reported problems for ${variant.lang}:\n${problems.join('\n')}`);
      await index.deleteIndex();
      await Promise.all(UNUSED.map((f) => rm(path.join(bundle, f), { force: true })));
      await mkdir(path.join(bundle, 'text'), { recursive: true });
      for (let i = 0; i < entries.length; i += BATCH) {
        await Promise.all(entries.slice(i, i + BATCH).map((e) => writeFile(path.join(bundle, textFile(e.record.url)), e.text)));
      }
      await writeFile(path.join(bundle, CONFIG_FILE), JSON.stringify(config));
      stats.push({ lang: variant.lang, records: entries.length, ms: performance.now() - started });
    }
  } finally {
    await pagefind.close();
  }
  return stats;
}
