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
  return oneLine(`${prefix}${where}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The text with its control characters, line breaks and bidirectional overrides written as
 * escapes (`\n`, `\u001b`, `\u202e`): a file or key named with a line break would otherwise start
 * a line of its own, which a CI log reads as a command (GitHub's `::error file=…::`, an annotation
 * forged by whoever named it), a terminal's escape would redraw the writer's screen, and an
 * override would show the rest of the line backwards.
 */
const oneLine = (text: string) =>
  text.replace(BREAKING, (char) => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const isError = (p: ContentProblem) => p.severity !== 'warning';

/** Every problem, one line each, as `npm run check` and the build print them: errors to stderr, warnings as warnings. */
export function printProblems(problems: readonly ContentProblem[]): void {
  for (const p of problems) (isError(p) ? console.error : console.warn)(formatProblem(p));
}

/**
 * Each problem as a GitHub Actions annotation on its file and line (on stdout, where the runner
 * reads them), which the run's summary and the pull request's changed files show: the writer sees
 * the problem beside the line to fix, not only in the log. `npm run check` makes them, once a run:
 * the build, in one job or in each segment's, only prints the problems.
 */
export async function annotateProblems(problems: readonly ContentProblem[]): Promise<void> {
  if (problems.length === 0) return;
  // Loaded only in a run: importing it takes 60 ms, which every local check would pay.
  const actions = await import('@actions/core');
  for (const p of problems) {
    const annotate = isError(p) ? actions.error : actions.warning;
    annotate(p.field ? `${p.field}: ${p.message}` : p.message, {
      title: isError(p) ? 'Content error' : 'Content warning',
      file: p.file,
      startLine: p.line,
    });
  }
}

/**
 * Thrown by the build when content is invalid: the message lists every problem. In `npm run dev`,
 * Astro's error overlay shows it in the browser, headed by `title`, with `hint` below it and the
 * first error's file open at its line (`loc`: Astro reads the file and marks the line).
 */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  readonly title = 'Content to fix';
  readonly hint = 'Fix the files named above and save: the page reloads by itself. `npm run check` lists the same problems.';
  /** As Astro's errors give it: the file relative to the project (or absolute), the line from 1. */
  readonly loc?: { file: string; line?: number };

  constructor(problems: ContentProblem[]) {
    const errors = problems.filter(isError);
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in content (a build publishes nothing until they are fixed):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    const first = errors[0];
    if (first) this.loc = { file: first.file, ...(first.line !== undefined && { line: first.line }) };
    // The writer's mistake, not the program's: Astro prints a stack (and a location from it) only when there is one.
    this.stack = '';
  }
}
