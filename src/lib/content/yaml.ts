/**
 * YAML for content files, parsed with the core schema (no timestamps: `2019-05-14 09:28:18` stays
 * the text the writer wrote, so no parser can shift it to UTC) and with a cap on alias expansion
 * (a "billion laughs" file is rejected at once instead of eating the build's memory).
 *
 * Writers type values without quotes, so this is also where YAML's special characters are caught:
 * a syntax error is reported on the key whose value broke it, with the value quoted as the fix,
 * and a value YAML silently cut short (` #` starts a comment, `&` an anchor) is a warning.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import type { ContentProblem } from './problems.ts';

const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  value: unknown;
  /** 1-based line in the file of a top-level key, or of an item of a top-level list. */
  lineOf(path: (string | number)[]): number | undefined;
}

/** How a key path reads in messages: `title`, `[1].name`. */
export const fieldName = (keyPath: readonly (string | number)[]): string =>
  keyPath.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');

/** A `key: value` entry anywhere in the document, with where its key starts. */
interface Entry {
  path: (string | number)[];
  keyStart: number;
  keyEnd: number;
  value: unknown;
}

export interface YamlOptions {
  /** Keys whose text values YAML would cut short are warned about. */
  textKeys?: readonly string[];
  /** The keys of a front-matter's top-level map, which start their lines: an indented one is a mistake (`keyLineProblems`). */
  fields?: readonly string[];
}

/**
 * Parse `text`, which starts at `firstLine` of `file`. Problems are pushed, not thrown, so that a
 * run reports every broken file at once. Values of `textKeys` that YAML would cut short are warned about.
 */
export function parseYaml(
  text: string, file: string, firstLine: number, problems: ContentProblem[], { textKeys = [], fields = [] }: YamlOptions = {},
): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const at = (entry: Entry) => ({ file, line: lineAt(entry.keyStart), field: fieldName(entry.path) });
  // Without * & or # there is no alias, anchor or comment to look for: most files skip the walk.
  const entries = doc.errors.length > 0 || /[*&#]/.test(text) ? entriesOf(doc.contents, []) : [];
  if (doc.errors.length > 0) {
    // A line that cannot be a key's is the cause of the errors from it on, which blame the key
    // before it with a fix that does not help: those lines are reported instead.
    const broken = keyLineProblems(text, file, firstLine, fields);
    // YAML blames a broken line's errors on it or on the line before.
    const blamed = new Set(broken.flatMap(({ line }) => [line! - 1, line!]));
    const found: ContentProblem[] = [...broken];
    for (const error of doc.errors) {
      const reason = firstSentence(error.message);
      const entry = entryBefore(entries, error.pos[0], lineAt);
      // The error is at the second key: the entry before it is the first, or one inside its value.
      const first = error.code === 'DUPLICATE_KEY' && entries.find((e) => e.keyStart === error.pos[0]);
      const twin = first && entries.findLast((e) => e.keyStart < error.pos[0] && fieldName(e.path) === fieldName(first.path));
      found.push(twin
        ? { ...at(twin), message: `is given twice (again on line ${lineAt(error.pos[0])}): keep one of the two lines` }
        : entry
        ? { ...at(entry), message: `is not valid YAML (${reason}): ${quotingFix(text, entry)}` }
        : { file, line: lineAt(error.pos[0]), message: `is not valid YAML: ${reason}; ${GENERAL_FIX}` });
    }
    // Several errors of one broken value say the same thing.
    const said = new Set<string>();
    for (const problem of found) {
      if (!broken.includes(problem) && blamed.has(problem.line!)) continue;
      const key = JSON.stringify([problem.line, problem.field, problem.message]);
      if (!said.has(key)) problems.push(problem);
      said.add(key);
    }
    return undefined;
  }
  const unresolved = entries.filter((e) => isAlias(e.value) && !e.value.resolve(doc));
  for (const entry of unresolved) {
    const message = `${shownRaw(text, entry)} starts with "*", which YAML reads as a reference: ${quoted(text, entry)}`;
    problems.push({ ...at(entry), message });
  }
  if (unresolved.length > 0) return undefined;
  for (const entry of entries) {
    const cut = textKeys.includes(String(entry.path.at(-1))) ? cutShort(text, entry.value) : undefined;
    if (!cut) continue;
    const reads = JSON.stringify((entry.value as Scalar).value);
    problems.push({ ...at(entry), severity: 'warning', message: `${cut}, so it reads ${reads}: ${quoted(text, entry)}` });
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

/**
 * Lines that cannot be a `key: value` line as written, each with its fix: a key followed by the
 * full-width colon "：" (an input method's), a line indented with a tab, and in a front-matter (a
 * top-level map of `fields`) a field's line indented or made a list item. YAML's own errors for
 * these name the line before, or none.
 */
export function keyLineProblems(text: string, file: string, firstLine: number, fields: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  /** The indentation of a key whose value is a block of text (`summary: |`): lines deeper than it are that text. */
  let blockIndent: number | undefined;
  text.split('\n').forEach((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) return;
    blockIndent = /^[ \t]*(?:- )?[\w-]+:[ \t]*[|>][-+0-9]*[ \t]*$/.test(line) ? indent : undefined;
    const at = { file, line: firstLine + i };
    const fullWidth = /^[ \t]*(?:- )?([A-Za-z_][\w-]*)[ \t]*：/.exec(line);
    if (fullWidth) {
      const fixed = line.replace(/[ \t]*：[ \t]*/, ': ').trimStart();
      problems.push({ ...at, field: fullWidth[1], message: `has the full-width colon "：" after its key; YAML needs ":" and a space: ${fixed}` });
      return;
    }
    const field = /^([ \t]+|- )([A-Za-z_][\w-]*):(?: |$)/.exec(line);
    if (field && fields.includes(field[2]!)) {
      const [, before, key] = field as unknown as [string, string, string];
      const [what, fix] = before === '- ' ? ['starts with "- ", which makes it a list item', 'the "- "']
        : before.includes('\t') ? ['is indented with a tab', 'the tab'] : ['is indented', 'the spaces'];
      problems.push({ ...at, field: key, message: `${what}: front-matter fields start at the beginning of the line; delete ${fix} before "${key}:"` });
      return;
    }
    if (line.startsWith('\t')) problems.push({ ...at, message: 'starts with a tab, which YAML does not allow as indentation: indent with spaces' });
  });
  return problems;
}

function entriesOf(node: unknown, path: (string | number)[]): Entry[] {
  if (isSeq(node)) return node.items.flatMap((item, i) => entriesOf(item, [...path, i]));
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range || (typeof key.value !== 'string' && typeof key.value !== 'number')) return [];
    const keyPath = [...path, String(key.value)];
    return [{ path: keyPath, keyStart: key.range[0], keyEnd: key.range[1], value: pair.value }, ...entriesOf(pair.value, keyPath)];
  });
}

/**
 * The entry a parse error belongs to: the last one whose key starts before it, or rather the
 * outermost on that key's line (in `title: {x` the broken value is title's, not x's).
 */
function entryBefore(entries: Entry[], offset: number, lineAt: (offset: number) => number): Entry | undefined {
  let found: Entry | undefined;
  for (const entry of entries) if (entry.keyStart < offset && (!found || entry.keyStart > found.keyStart)) found = entry;
  return found && entries.find((e) => lineAt(e.keyStart) === lineAt(found.keyStart));
}

const GENERAL_FIX = 'write each field as "key: value" on its own line, and put a value in quotes when it has ": " or " #" ' +
  'or starts with * & @ ` [ { ! | > % \' or "';

/** The value as typed: what follows `key:` on the key's line, or a text value on the lines below it. */
function rawValue(text: string, entry: Entry): string {
  const lineEnd = text.indexOf('\n', entry.keyEnd);
  const onKeyLine = text.slice(entry.keyEnd, lineEnd === -1 ? text.length : lineEnd).replace(/^\s*:/, '').trim();
  const below = (isScalar(entry.value) || isAlias(entry.value)) && entry.value.range;
  if (onKeyLine !== '' || !below) return onKeyLine;
  // `title:` with `  双11 #天猫` below: up to the end of the value's last line, its lines joined as YAML joins them.
  const end = text.indexOf('\n', below[1]);
  return text.slice(below[0], end === -1 ? text.length : end).trim().replace(/\s*\n\s*/g, ' ');
}

const shownRaw = (text: string, entry: Entry) => JSON.stringify(rawValue(text, entry));

/** The value as a YAML string: in single quotes when it has double quotes of its own (YAML doubles a ' inside). */
function yamlQuoted(raw: string): string {
  return raw.includes('"') ? `'${raw.replaceAll("'", "''")}'` : JSON.stringify(raw);
}

/** "put the whole value in quotes: title: "…"" (an opening quote with no closing one is the writer's: it is closed). */
function quoted(text: string, entry: Entry): string {
  const raw = rawValue(text, entry);
  const unclosed = /^['"]/.test(raw) && !raw.slice(1).includes(raw[0]!);
  return `put the whole value in quotes: ${text.slice(entry.keyStart, entry.keyEnd)}: ${unclosed ? `${raw}${raw[0]}` : yamlQuoted(raw)}`;
}

function quotingFix(text: string, entry: Entry): string {
  const raw = rawValue(text, entry);
  if (raw === '') return GENERAL_FIX;
  const bracket = { '[': 'the list with ]', '{': 'the map with }' }[raw[0]!];
  if (bracket && !raw.includes(bracket.at(-1)!)) return `close ${bracket}, or if it is text, ${quoted(text, entry)}`;
  const why = /^['"]/.test(raw) && !raw.slice(1).includes(raw[0]!) ? 'the closing quote is missing'
    : /^['"]/.test(raw) ? 'nothing may follow the closing quote'
    : /^[*&@`!|>%[{]/.test(raw) ? `a value starting with ${raw[0]} needs quotes`
    : raw.includes(': ') ? 'a value with ": " needs quotes'
      : 'YAML misreads this value';
  return `${why}; ${quoted(text, entry)}`;
}

/** Why YAML reads less of a plain text value than was typed, if it does. */
function cutShort(text: string, node: unknown): string | undefined {
  if (!isScalar(node) || node.type !== Scalar.PLAIN || !node.range) return undefined;
  if (node.anchor !== undefined) return `"&${node.anchor}" is read as a YAML anchor and left out`;
  // A comment on the value's own line: the writer meant it as part of the text (hashtags such as #天猫#).
  if (node.comment !== undefined && /^[ \t]+#/.test(text.slice(node.range[1]))) return '" #" and what follows are read as a YAML comment';
  return undefined;
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
