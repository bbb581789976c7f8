/**
 * Which folder `npm run build -- --out <dir>` may replace. A build swaps its output folder whole,
 * so it may replace only a folder a build made (it holds BUILD_MARKER), an empty one, or none; and
 * never a folder that holds the project or sits among the sources, where the site would be mixed
 * into what people edit or read back by the next build.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isWithin, projectFolders, withParentsResolved } from '../../../src/integrations/project-folders.ts';

/**
 * Left in every output folder. It is published with the site: constant text, no date, path or
 * machine name, so it tells a visitor nothing and two builds stay byte-identical.
 */
export const BUILD_MARKER = '.yiqihui-archive-build';
export const BUILD_MARKER_TEXT = 'Written by `npm run build` of yiqihui-archive: the next build replaces this folder whole.\n';

/**
 * What every output of the builds before the marker holds, both variants, the feeds and Astro's
 * assets: a folder with all of these is one of ours, so a `dist/` from an older checkout is still
 * replaced without a word.
 */
const OLDER_BUILD_FILES = ['index.html', 'rss.xml', 'sitemap-index.xml', 'zh-hant/index.html', '_astro'];

/** `unusable`: a part of the path is a file, or it cannot be read (`problem` says which). */
export type OutputKind = 'missing' | 'folder' | 'file' | 'symlink' | 'unusable';

/** What the rules need to know about `--out`, gathered by `inspectOutput`. */
export interface OutputFacts {
  /** Absolute, with symbolic links in its parents resolved (not in itself). */
  out: string;
  /** The working directory (the project), resolved likewise. */
  project: string;
  /** Folders the output must neither be in nor hold: the sources and the content folder. */
  sources: readonly string[];
  kind: OutputKind;
  problem?: string;
  /** For a folder: whether it is empty, holds the marker, has an older build's layout. */
  empty?: boolean;
  marked?: boolean;
  olderBuild?: boolean;
}

/** Whether the folder `dir` is a build's output: it holds the marker, or the layout of the builds before it. */
export function madeByBuild(dir: string): boolean {
  const has = (file: string) => lstatSync(path.join(dir, file), { throwIfNoEntry: false }) !== undefined;
  return has(BUILD_MARKER) || OLDER_BUILD_FILES.every(has);
}

/**
 * Why the build must not replace `facts.out`, or undefined when it may. `shown` is the folder as
 * the user wrote it, for the message.
 */
export function outputRefusal(facts: OutputFacts, shown: string): string | undefined {
  const { out, project } = facts;
  // An empty --out is the working directory: quoted, the message shows what was given.
  const named = `--out ${shown === '' ? '""' : shown}`;
  if (isWithin(project, out)) {
    return (
      `${named} is ${out === project ? 'the project folder' : `${out}, which holds the project folder ${project}`}: ` +
      'a build replaces its output folder whole and would delete the project. Name a folder of its own, e.g. --out dist.'
    );
  }
  for (const source of facts.sources) {
    if (isWithin(source, out)) {
      return (
        `${named} ${out === source ? 'is' : 'holds'} ${source}, which holds sources: a build replaces its output folder whole ` +
        'and would delete them. Name a folder of its own, e.g. --out dist.'
      );
    }
    if (isWithin(out, source)) {
      return (
        `${named} is inside ${source}, which holds sources: the site would be mixed into them and read back by the next build. ` +
        'Name a folder outside it, e.g. --out dist.'
      );
    }
  }
  if (facts.kind === 'symlink') {
    return (
      `${named} is a symbolic link: a build would replace the link, not the folder it points to. ` +
      'Name that folder itself, or remove the link.'
    );
  }
  if (facts.kind === 'unusable') return `${named} cannot be used: ${facts.problem}. Name a new folder, e.g. --out dist.`;
  if (facts.kind === 'file') {
    return `${named} is a file, not a folder: a build writes a folder there and would delete the file. Name a new folder, e.g. --out dist.`;
  }
  if (facts.kind === 'folder' && !facts.empty && !facts.marked && !facts.olderBuild) {
    return (
      `${named} holds files that no build made (it has no ${BUILD_MARKER}): a build replaces its output folder whole ` +
      "and would delete them. Name a new or empty folder, or one an earlier build wrote; if this is an old build's output, " +
      `delete it yourself (rm -r ${shown}) and build again.`
    );
  }
  return undefined;
}

/** Reads what `outputRefusal` needs about `out` (relative to the working directory). */
export function inspectOutput(out: string, contentDir: string): OutputFacts {
  const resolved = withParentsResolved(out);
  const base = { out: resolved, ...projectFolders(contentDir) };
  try {
    const stat = lstatSync(resolved, { throwIfNoEntry: false });
    if (stat === undefined) return { ...base, kind: 'missing' };
    if (stat.isSymbolicLink()) return { ...base, kind: 'symlink' };
    if (!stat.isDirectory()) return { ...base, kind: 'file' };
    const empty = readdirSync(resolved).length === 0;
    const has = (file: string) => lstatSync(path.join(resolved, file), { throwIfNoEntry: false }) !== undefined;
    return { ...base, kind: 'folder', empty, marked: has(BUILD_MARKER), olderBuild: OLDER_BUILD_FILES.every(has) };
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    return { ...base, kind: 'unusable', problem: code === 'ENOTDIR' ? 'a part of its path is a file' : `it cannot be read (${code})` };
  }
}
