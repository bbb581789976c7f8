/**
 * Where the project's sources are, for the rules on where a build may write: its output folder
 * (scripts/lib/output-folder/rules.ts) and its cache (./cache-folder.ts). Paths are compared with
 * symbolic links in their existing part resolved, so a link cannot hide that a folder is a source.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Top-level folders of the project that hold sources or that the build reads (`public/` is copied
 * into the site, `src/pages/` holds routes, `.cache/` the build's own caches and staging).
 */
const SOURCE_FOLDERS = ['src', 'public', 'content', 'scripts', 'tests', 'docs', 'bench', 'node_modules', '.git', '.github', '.cache'];

/** The project (the working directory) and its sources, the content folder among them, resolved. */
export function projectFolders(contentDir: string): { project: string; sources: string[] } {
  const project = resolveParents(process.cwd());
  const sources = [...new Set([...SOURCE_FOLDERS.map((folder) => path.join(project, folder)), resolveParents(path.resolve(contentDir))])];
  return { project, sources };
}

/** Whether `child` is `parent` or inside it. */
export const isWithin = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** `p` with symbolic links resolved in its longest existing part; the rest, not there yet, as written. */
export function resolveParents(p: string): string {
  const missing: string[] = [];
  let head = p;
  for (;;) {
    try {
      return path.join(realpathSync(head), ...missing);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return p;
      missing.unshift(path.basename(head));
      head = parent;
    }
  }
}

/** `p` made absolute, with symbolic links in its parents resolved but not in itself (a link there is judged as a link). */
export function withParentsResolved(p: string): string {
  const absolute = path.resolve(p);
  return path.parse(absolute).root === absolute ? absolute : path.join(resolveParents(path.dirname(absolute)), path.basename(absolute));
}
