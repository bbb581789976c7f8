/** What each benchmark records beside its figures: the machine it ran on, and its whole report as JSON. */
import { mkdir, writeFile } from 'node:fs/promises';
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
