/** A problem found in a content file, worded for the writer who has to fix it. */
export interface ContentProblem {
  /** Path as the writer knows it, relative to the repository when possible. */
  file: string;
  line?: number;
  /** The front-matter field or registry key the problem is about. */
  field?: string;
  message: string;
  /** Warnings are printed but do not stop the build. */
  severity?: 'error' | 'warning';
}

/** `content/articles/x.md:3 views: expected a whole number >= 0, got "529 次"` */
export function formatProblem(p: ContentProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${where}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

export const isError = (p: ContentProblem) => p.severity !== 'warning';

/** Every problem, one line each, as `npm run check` and the build print them: errors to stderr, warnings as warnings. */
export function printProblems(problems: readonly ContentProblem[]): void {
  for (const p of problems) (isError(p) ? console.error : console.warn)(formatProblem(p));
}

/** Thrown by the build when content is invalid: the message lists every problem. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const errors = problems.filter(isError);
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in content; nothing was published:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    // The writer's mistake, not the program's: Astro prints a stack (and a location from it) only when there is one.
    this.stack = '';
  }
}
