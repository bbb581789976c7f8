/** Writes a generated corpus as a content directory in the real layout. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { CONTENT_FILES } from '../../../src/integrations/site-data/load-content.ts';
import type { Channel } from '../../../src/lib/content/schema.ts';
import type { GeneratedArticle } from './generate.ts';

/** `articles/<yyyy>/<mm>/<slug>.md`, relative to the content dir. */
export const articlePath = (a: Pick<GeneratedArticle, 'slug' | 'date'>) =>
  path.join(CONTENT_FILES.articles, a.date.slice(0, 4), a.date.slice(5, 7), `${a.slug}.md`);

export function articleFile(a: GeneratedArticle): string {
  const { slug: _slug, body, ...data } = a;
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

export async function writeArticle(dir: string, a: GeneratedArticle): Promise<string> {
  const file = path.join(dir, articlePath(a));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, articleFile(a));
  return file;
}

/** Channels are generated; merchants and the glossary are the real archive's (`from`). */
export async function writeCorpus(dir: string, from: string, channels: Channel[], articles: GeneratedArticle[]): Promise<void> {
  await mkdir(path.join(dir, CONTENT_FILES.articles), { recursive: true });
  await writeFile(path.join(dir, CONTENT_FILES.channels), stringify(channels));
  for (const file of [CONTENT_FILES.merchants, CONTENT_FILES.glossary]) await copyFile(path.join(from, file), path.join(dir, file));
  const BATCH = 256; // enough parallel writes to keep the disk busy, few enough open files
  for (let i = 0; i < articles.length; i += BATCH) await Promise.all(articles.slice(i, i + BATCH).map((a) => writeArticle(dir, a)));
}
