/** A generated content dir from the real archive's text: what `npm run corpus` and the benchmark use. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadContent } from '../../../src/integrations/site-data/load-content.ts';
import { openccConverter } from '../../../src/lib/convert/opencc.ts';
import { generateArticle, generatedChannels, type CorpusOptions, type GeneratedArticle } from './generate.ts';
import { readTextSample } from './real-text.ts';
import { writeCorpus } from './write.ts';

export interface CorpusRequest {
  articles: number;
  seed: number;
  out: string;
  /** The real archive to sample (default content/). */
  from?: string;
}

export interface Corpus {
  dir: string;
  /** Article `i` of this corpus's generator (i >= articles gives new ones). */
  article(i: number): GeneratedArticle;
}

export async function createCorpus({ articles, seed, out, from = 'content' }: CorpusRequest): Promise<Corpus> {
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`corpus: --articles must be a whole number >= 1, got ${articles}`);
  const existing = await readdir(out).catch(() => []);
  if (existing.length) throw new Error(`corpus: ${out} is not empty; choose a new directory (nothing was written)`);
  const sample = await readTextSample(path.resolve(from));
  const channels = generatedChannels((await loadContent(path.resolve(from))).content.channels);
  const options: CorpusOptions = { articles, seed, toTraditional: openccConverter('zh-Hans', 'zh-Hant') };
  const article = (i: number) => generateArticle(sample, channels, options, i);
  await writeCorpus(
    out,
    from,
    channels,
    Array.from({ length: articles }, (_, i) => article(i)),
  );
  return { dir: path.resolve(out), article };
}
