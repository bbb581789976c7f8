/**
 * YAML for content files, parsed with the core schema (no timestamps: `2019-05-14 09:28:18` stays
 * the text the writer wrote, so no parser can shift it to UTC) and with a cap on alias expansion
 * (a "billion laughs" file is rejected at once instead of eating the build's memory).
 */
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { ContentProblem } from './problems.ts';

const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  value: unknown;
  /** 1-based line in the file of a top-level key, or of an item of a top-level list. */
  lineOf(path: (string | number)[]): number | undefined;
}

/**
 * Parse `text`, which starts at `firstLine` of `file`. Problems are pushed, not thrown, so that a
 * run reports every broken file at once.
 */
export function parseYaml(text: string, file: string, firstLine: number, problems: ContentProblem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({ file, line: lineAt(error.pos[0]), message: `is not valid YAML: ${firstSentence(error.message)}` });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push({
      file,
      message: `YAML aliases expand too far (${(error as Error).message}); write the values out instead of using *aliases`,
    });
    return undefined;
  }
  return { value, lineOf: (path) => nodeLine(doc, path, lineAt) };
}

function nodeLine(doc: Document, path: (string | number)[], lineAt: (offset: number) => number): number | undefined {
  // Report the key's line for a map entry: that is where the writer looks.
  if (path.length === 1 && isMap(doc.contents)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === path[0]);
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    return range ? lineAt(range[0]) : undefined;
  }
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lineAt(node.range[0]) : undefined;
}

const firstSentence = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
