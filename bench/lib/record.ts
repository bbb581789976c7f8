/** What each benchmark records beside its figures: the machine it ran on, and its whole report as JSON. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Machine } from './report.ts';

export function thisMachine(): Machine {
  const cpus = os.cpus();
  return { cores: cpus.length, memoryBytes: os.totalmem(), cpu: cpus[0]?.model.trim() ?? 'unknown' };
}

export async function saveJson(file: string, report: unknown): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2));
}

/**
 * Why `text`, read from `file` for `--from`, is not a report `command` saved (one without every
 * field of `fields`), or undefined when it is one.
 */
export function savedReportProblem(text: string, file: string, fields: readonly string[], command: string): string | undefined {
  const fix = `give a report saved by \`${command} -- --json <file>\``;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `--from: ${file} is not JSON (${(error as Error).message}): ${fix}`;
  }
  const missing = fields.filter((f) => typeof value !== 'object' || value === null || !(f in value));
  return missing.length
    ? `--from: ${file} is not a report of ${command} (no ${missing.map((f) => `"${f}"`).join(', ')}): ${fix}`
    : undefined;
}

/** The report saved in `file` (`--from`), or a message naming what is wrong and exit code 2. */
export async function readSavedReport<T>(file: string, fields: readonly string[], command: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`--from: ${file} can't be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    process.exit(2);
  }
  const problem = savedReportProblem(text, file, fields, command);
  if (problem) {
    console.error(problem);
    process.exit(2);
  }
  return JSON.parse(text) as T;
}
