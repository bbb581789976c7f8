/**
 * The peer a user would pick instead: Hugo (Debian's package) over the same articles, both
 * variants pre-converted to Markdown (so it builds as many pages), then Pagefind over its output
 * with its default indexing. Templates: bench/hugo/.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { LANGS, type Lang } from '../../src/consts.ts';
import { loadContent } from '../../src/integrations/site-data/load-content.ts';
import { createVariantConverter } from '../../src/lib/convert/variant-converter.ts';
import { runMeasured, type Measured } from './process-tree.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HUGO = process.env.HUGO_PATH ?? '/usr/bin/hugo';
const PAGEFIND = path.join(ROOT, 'node_modules/.bin/pagefind');
const TEMPLATES = path.join(ROOT, 'bench/hugo');
/** Hugo's content folder per variant (bench/hugo/hugo.yaml). */
const folder = (lang: Lang) => lang.toLowerCase();

export interface PeerResult extends Measured {
  hugoMs: number;
  pagefindMs: number;
}

/** A Hugo site of the corpus in `work`: the templates plus both variants' Markdown. */
export async function preparePeerSite(contentDir: string, work: string): Promise<void> {
  const { content, problems } = await loadContent(contentDir);
  if (problems.length) throw new Error(`bench: the corpus ${contentDir} has problems; run CONTENT_DIR=${contentDir} npm run check`);
  await rm(work, { recursive: true, force: true });
  await cp(TEMPLATES, work, { recursive: true });
  const converter = createVariantConverter(content.glossary);
  for (const lang of LANGS) {
    const base = path.join(work, 'content', folder(lang));
    for (const c of content.channels) {
      await mkdir(path.join(base, 'channels', c.slug), { recursive: true });
      await writeFile(
        path.join(base, 'channels', c.slug, '_index.md'),
        `---\n${stringify({ title: converter.text(c.name, 'zh-Hans', lang), slug: c.slug })}---\n`,
      );
    }
    await mkdir(path.join(base, 'articles'), { recursive: true });
    const pages = content.articles.map((a) => {
      const to = (text: string) => converter.text(text, a.data.lang as Lang, lang, a.data.glossary);
      const front = {
        title: to(a.data.title),
        date: a.data.date.iso,
        slug: a.slug,
        channels: a.data.channel,
        ...(a.data.summary ? { description: to(a.data.summary) } : {}),
      };
      return {
        file: path.join(base, 'articles', `${a.slug}.md`),
        text: `---\n${stringify(front, { lineWidth: 0 })}---\n\n${to(a.body)}\n`,
      };
    });
    const BATCH = 256;
    for (let i = 0; i < pages.length; i += BATCH) await Promise.all(pages.slice(i, i + BATCH).map((p) => writeFile(p.file, p.text)));
  }
}

/**
 * `hugo`, then `pagefind --site public`: one cold build of the peer. `remove` takes its last site
 * and Hugo's cache away first (the scale bench moves them aside: ./set-aside.ts).
 */
export async function buildPeer(
  work: string,
  remove = (folder: string) => rm(folder, { recursive: true, force: true }),
): Promise<PeerResult> {
  const out = path.join(work, 'public');
  await remove(out);
  await remove(path.join(work, 'resources'));
  const hugo = await runMeasured(HUGO, ['--source', work, '--destination', out, '--quiet', '--ignoreCache'], { cwd: work });
  if (hugo.status !== 0) throw new Error(`bench: hugo failed (exit ${hugo.status}):\n${hugo.tail}`);
  const pagefind = await runMeasured(PAGEFIND, ['--site', out], { cwd: work });
  if (pagefind.status !== 0) throw new Error(`bench: pagefind failed (exit ${pagefind.status}):\n${pagefind.tail}`);
  return {
    ms: hugo.ms + pagefind.ms,
    peakRss: Math.max(hugo.peakRss, pagefind.peakRss),
    status: 0,
    tail: pagefind.tail,
    hugoMs: hugo.ms,
    pagefindMs: pagefind.ms,
  };
}
