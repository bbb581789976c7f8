/**
 * What the Astro process tells `npm run build` about its progress. The build runs Astro as a child
 * process with an IPC channel (scripts/build.ts), which draws the progress; Astro run any other way
 * (`astro dev`, `astro build` by hand) has no channel, and then nothing is sent and every log line is
 * printed as Astro prints it.
 */

/** The phases the Astro process announces; rendering starts with the page count (`pages`). */
export type AstroPhase = 'validating' | 'preparing' | 'bundles';

export type ProgressEvent =
  | { kind: 'phase'; phase: AstroPhase }
  /** Rendering starts: the pages Astro is about to generate (its static paths, all routes together). */
  | { kind: 'pages'; total: number }
  /** Pages written since the last such event (rendered, or restored from Astro's incremental cache), and of those restored. */
  | { kind: 'page'; count: number; restored: number }
  | { kind: 'shards'; done: number; total: number };

/** Whether this process reports its progress to a parent (and so leaves the page lines out of its log). */
export const reportsProgress = (): boolean => typeof process.send === 'function';

export function reportProgress(event: ProgressEvent): void {
  process.send?.(event);
}
