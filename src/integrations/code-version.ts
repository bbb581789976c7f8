/**
 * The code a cached value was made by. Each cache names the modules that produce its values; the
 * version is a hash of every local module those import, followed through the whole import graph
 * (type-only imports aside: they change no output), and of the lock file, which pins every package
 * they use. A change to any of them, however deep, is a new version, and the cache is not read.
 * The graph comes from esbuild (the bundler Vite and tsx already run), so it follows imports
 * exactly as the build resolves them, not as a pattern over the source text would guess.
 *
 * The Node that runs the code is part of the version too: its ICU and Unicode data cut the
 * summaries (Intl.Segmenter), fold the search text (normalize) and order the sitemap
 * (Intl.Collator), so someone who brings their own Node (or one built with the system's ICU, as
 * Debian's) may get other bytes from the same modules and lock file.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { hashOf } from '../lib/hash.ts';
import { filesUnder } from './folder-names.ts';

/** The project-relative files of the modules `producers` import, themselves included, sorted. */
export function moduleGraph(producers: string[], root = process.cwd()): string[] {
  const { metafile } = buildSync({
    entryPoints: producers.map((p) => path.resolve(root, p)),
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    // Packages are pinned by the lock file; only our own modules are followed.
    packages: 'external',
    logLevel: 'silent',
    outdir: 'code-version',
  });
  return Object.keys(metafile.inputs)
    .map((file) => path.relative(root, path.resolve(root, file)))
    .sort();
}

/** A hash of the producers' module graph and of the lock file; see the module comment. */
export function codeVersion(producers: string[], root = process.cwd()): string {
  return hashOfFiles(['package-lock.json', ...moduleGraph(producers, root)], root);
}

/**
 * A hash of every file under `paths` (project-relative files or folders) and of the lock file, for
 * code the import graph above cannot follow: Astro components, styles, the Astro config.
 */
export function treeVersion(paths: string[], root = process.cwd()): string {
  const filesAt = (relative: string): string[] => {
    const at = path.join(root, relative);
    return statSync(at).isDirectory() ? filesUnder(at).map((file) => path.join(relative, file)) : [relative];
  };
  return hashOfFiles(['package-lock.json', ...paths.flatMap(filesAt)].sort(), root);
}

/** What a page prints is made by these (with the lock file): a change to any renders every page again, and makes every page key again. */
export const PAGE_PRODUCERS = ['src', 'astro.config.mjs', 'tsconfig.json'];

let pagesVersion: string | undefined;

/** `treeVersion(PAGE_PRODUCERS)`, read once a process: the page store and the kept page keys both take it. */
export const pagesCodeVersion = (): string => (pagesVersion ??= treeVersion(PAGE_PRODUCERS));

/** A hash of the Node running the build, of its ICU, and of the files' names and contents, in the order given. */
const hashOfFiles = (files: string[], root: string) =>
  hashOf(
    process.version,
    process.versions.icu ?? 'no ICU',
    ...files.flatMap((file) => [file, readFileSync(path.join(root, file), 'utf8')]),
  );
