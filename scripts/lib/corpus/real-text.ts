/**
 * The real archive's text, cut into what the generator samples: paragraphs (headings included,
 * as writers wrote them), title-like clauses, sources and body lengths.
 */
import { loadContent, type ArticleSource } from '../../../src/integrations/site-data/load-content.ts';
import { formatProblem, isError } from '../../../src/lib/content/problems.ts';

export interface TextSample {
  paragraphs: string[];
  /** Paragraphs an article can open with (not headings). */
  openings: string[];
  titles: string[];
  sources: string[];
  /** Body lengths in characters, one per real article. */
  lengths: number[];
}

export function textSample(articles: Pick<ArticleSource, 'body' | 'data'>[]): TextSample {
  const simplified = articles.filter((a) => a.data.lang === 'zh-Hans');
  if (simplified.length === 0) throw new Error('corpus: the source archive has no zh-Hans article to sample text from');
  const paragraphs = simplified.flatMap((a) =>
    a.body
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  );
  return {
    paragraphs,
    openings: paragraphs.filter((p) => !p.startsWith('#')),
    titles: simplified.map((a) => a.data.title),
    sources: [...new Set(simplified.flatMap((a) => (a.data.source ? [a.data.source] : [])))],
    lengths: simplified.map((a) => [...a.body].length),
  };
}

/** Reads and validates the real archive (a broken one would make a broken corpus). */
export async function readTextSample(dir: string): Promise<TextSample> {
  const { content, problems } = await loadContent(dir);
  const errors = problems.filter(isError);
  if (errors.length) throw new Error(`corpus: the source archive ${dir} is not valid:\n${errors.map(formatProblem).join('\n')}`);
  return textSample(content.articles);
}
