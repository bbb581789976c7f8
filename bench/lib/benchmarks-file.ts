/**
 * BENCHMARKS.md is shared: the search engineer owns "## Search"; the benchmark rewrites only the
 * generated block between its markers in "## Scale", and adds that section when it is missing.
 */
export const START = '<!-- bench:scale:start (npm run bench -- --write) -->';
export const END = '<!-- bench:scale:end -->';

export function withScaleResults(file: string, results: string): string {
  const block = `${START}\n${results}\n${END}`;
  const start = file.indexOf(START);
  const end = file.indexOf(END);
  if (start !== -1 && end > start) return `${file.slice(0, start)}${block}${file.slice(end + END.length)}`;
  const base = file.trim() === '' ? '# Benchmarks\n' : file.replace(/\n*$/, '\n');
  return `${base}\n## Scale\n\n${block}\n`;
}
