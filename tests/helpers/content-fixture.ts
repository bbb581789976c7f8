/** Small content directories for build-level tests, written in the real layout. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

export interface FixtureArticle {
  slug: string;
  title: string;
  date: string;
  channel: string | string[];
  views?: number;
  source?: string;
  lang?: 'zh-Hans' | 'zh-Hant';
  summary?: string;
  draft?: boolean;
  body?: string;
  /** Extra front-matter lines, verbatim (for bad-input fixtures). */
  raw?: string;
}

export interface FixtureContent {
  channels: { slug: string; name: string; description?: string }[];
  merchants?: { name: string; rebate: string }[];
  glossary?: { hans: string; hant: string; note?: string }[];
  articles: FixtureArticle[];
}

export async function writeContent(dir: string, content: FixtureContent): Promise<string> {
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'channels.yaml'), stringify(content.channels));
  await writeFile(path.join(dir, 'merchants.yaml'), stringify(content.merchants ?? [{ name: '京东商城', rebate: '56%' }]));
  if (content.glossary) await writeFile(path.join(dir, 'glossary.yaml'), stringify(content.glossary));
  for (const a of content.articles) {
    const folder = path.join(dir, 'articles', a.date.slice(0, 4), a.date.slice(5, 7));
    await mkdir(folder, { recursive: true });
    const { slug, body, raw, ...data } = a;
    const frontmatter = stringify(data).replace(/^date: .*$/m, `date: ${a.date}`);
    await writeFile(path.join(folder, `${slug}.md`), `---\n${frontmatter}${raw ?? ''}---\n\n${body ?? `${a.title}。这是正文。`}\n`);
  }
  return dir;
}
