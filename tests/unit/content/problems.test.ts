import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotateProblems, ContentError, formatProblem, printProblems, type ContentProblem } from '../../../src/lib/content/problems.ts';

const views: ContentProblem = {
  file: 'content/articles/2019/05/a.md',
  line: 5,
  field: 'views',
  message: 'expected a whole number >= 0, got "529 次"',
};
const hidden: ContentProblem = {
  file: 'content/articles/.b.md',
  severity: 'warning',
  message: 'is not published: a name starting with "." is hidden; to publish it, rename it to "b.md"',
};

/** What `annotateProblems` writes to stdout, and anything it gives console.error or console.warn. */
async function annotated(problems: ContentProblem[]) {
  const stdout: string[] = [];
  const consoled: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  vi.spyOn(console, 'error').mockImplementation((line: string) => consoled.push(line));
  vi.spyOn(console, 'warn').mockImplementation((line: string) => consoled.push(line));
  await annotateProblems(problems);
  vi.restoreAllMocks();
  return { stdout: stdout.join(''), consoled };
}

afterEach(() => vi.restoreAllMocks());

describe('formatProblem', () => {
  it('names the file, the line and the field', () => {
    expect(formatProblem(views)).toBe('content/articles/2019/05/a.md:5 views: expected a whole number >= 0, got "529 次"');
    expect(formatProblem(hidden)).toBe(`warning: content/articles/.b.md: ${hidden.message}`);
  });

  it('keeps a problem on one line, whatever a key or a file is named', () => {
    // A key named with a line break, as a quoted YAML key can be, and a terminal's escape.
    const forged = { ...views, field: 'x\n::error file=README.md,line=1::forged', message: 'unknown key \u001b[2J\r\u2028\u202e' };
    expect(formatProblem(forged)).toBe(
      'content/articles/2019/05/a.md:5 x\\n::error file=README.md,line=1::forged: unknown key \\u001b[2J\\r\\u2028\\u202e',
    );
  });
});

describe('printProblems', () => {
  it('prints errors to stderr and warnings as warnings, one line each', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    printProblems([views, hidden]);
    expect(errors.mock.calls).toEqual([[formatProblem(views)]]);
    expect(warnings.mock.calls).toEqual([[formatProblem(hidden)]]);
  });
});

describe('ContentError', () => {
  it("lists every problem, and points Astro's dev overlay at the first error's line", () => {
    const error = new ContentError([hidden, views, { file: 'content/channels.yaml', message: 'is missing' }]);
    expect(error.message.split('\n')).toEqual([
      '2 problems in content (a build publishes nothing until they are fixed):',
      `  ${formatProblem(hidden)}`,
      `  ${formatProblem(views)}`,
      '  content/channels.yaml: is missing',
    ]);
    expect(error.loc).toEqual({ file: 'content/articles/2019/05/a.md', line: 5 });
    expect(new ContentError([{ file: 'content/channels.yaml', message: 'is missing' }]).loc).toEqual({ file: 'content/channels.yaml' });
    // No stack: the writer's mistake, not the program's.
    expect(error.stack).toBe('');
  });
});

describe('annotateProblems', () => {
  it('makes each problem a GitHub Actions annotation on its file and line, and prints nothing else', async () => {
    const out = await annotated([views, hidden]);
    expect(out.stdout.split('\n')).toEqual([
      '::error title=Content error,file=content/articles/2019/05/a.md,line=5::views: expected a whole number >= 0, got "529 次"',
      `::warning title=Content warning,file=content/articles/.b.md::${hidden.message}`,
      '',
    ]);
    expect(out.consoled).toEqual([]);
  });

  it("escapes what would end an annotation or start another: a file's comma, a message's line break", async () => {
    const odd = { file: 'content/articles/a,b.md', line: 2, message: 'line\n::error::forged 100%' };
    const out = await annotated([odd]);
    expect(out.stdout).toBe('::error title=Content error,file=content/articles/a%2Cb.md,line=2::line%0A::error::forged 100%25\n');
  });
});
