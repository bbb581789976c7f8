/**
 * Reading and writing the content directory. Files are written to a temporary file and renamed
 * over the target, so an interrupted run never leaves half a file; nothing is ever deleted.
 * Front-matter is YAML with the core schema (no timestamps: `2019-05-14 09:28:18` stays text).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { isError, type ContentProblem } from '../../../src/lib/content/problems.ts';
import { listArticles } from '../../../src/integrations/site-data/load-content.ts';

const yamlEngine = {
  parse: (text: string): object => (YAML.parse(text, { schema: 'core' }) as object | null) ?? {},
  stringify: (data: object): string => YAML.stringify(data, { schema: 'core', lineWidth: 0 }),
};
const options = { engines: { yaml: yamlEngine } };

export interface StoredArticle {
  slug: string;
  /** Relative to the content directory, with forward slashes. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export function parseArticle(text: string): { data: Record<string, unknown>; body: string } {
  const parsed = matter(text, options);
  return { data: parsed.data, body: parsed.content.replace(/^\n+/, '') };
}

export function serializeArticle(data: Record<string, unknown>, body: string): string {
  return matter.stringify(`\n${body.replace(/^\n+/, '')}`, data, options);
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Every article under `<dir>/articles`, found as `check` finds them (links followed only inside the
 * content folder, each folder once, pipes and devices never opened); one that can't be read or
 * parsed, or that `check` would not read, is reported and left alone.
 */
export async function readArticles(dir: string): Promise<{ articles: StoredArticle[]; slugs: Set<string>; problems: ContentProblem[] }> {
  const listed: ContentProblem[] = [];
  const files = listArticles(dir, listed);
  // What check refuses there (links out, loops, pipes) is named; hidden and non-.md files are no concern of an import.
  const problems: ContentProblem[] = listed.filter(isError).map((p) => ({ ...p, severity: 'warning' }));
  const articles: StoredArticle[] = [];
  const slugs = new Set<string>();
  for (const full of files) {
    const file = path.relative(dir, full).split(path.sep).join('/');
    const slug = path.basename(full, '.md');
    slugs.add(slug);
    try {
      const { data, body } = parseArticle(await readFile(full, 'utf8'));
      articles.push({ slug, file, data, body });
    } catch (error) {
      problems.push({
        file: path.join(dir, file),
        severity: 'warning',
        message: `can't be read (${(error as Error).message.split('\n')[0]}); left as it is and not merged into`,
      });
    }
  }
  return { articles, slugs, problems };
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
