/**
 * The site glossary (`content/glossary.yaml`) and per-article `glossary:` rules: terms converted a
 * particular way or not at all. Format: a YAML list of `{hans, hant, note?}`; zh-Hans→zh-Hant
 * replaces `hans` by `hant`, zh-Hant→zh-Hans the reverse; equal forms mean "never convert".
 */
import type { Lang } from '../../consts.ts';
import type { ContentProblem } from '../content/problems.ts';
import { glossaryEntrySchema, shown, type GlossaryEntry } from '../content/schema.ts';
import { parseYaml } from '../content/yaml.ts';
import { findWrongScript } from './wrong-han-script.ts';

export type { GlossaryEntry };

const EXAMPLE = 'e.g. a line "- hans: 姓范" and below it "  hant: 姓范"';
const FIELD_OF: Record<Lang, 'hans' | 'hant'> = { 'zh-Hans': 'hans', 'zh-Hant': 'hant' };

/** The form of an entry written in `lang`. */
export const termIn = (entry: GlossaryEntry, lang: Lang): string => entry[FIELD_OF[lang]];

/**
 * Read a glossary file. Every problem is reported (with its line); `entries` holds the entries
 * that are valid on their own, but a caller must treat any error as fatal.
 */
export function parseGlossary(yamlText: string, file: string): { entries: GlossaryEntry[]; errors: ContentProblem[] } {
  const errors: ContentProblem[] = [];
  const parsed = parseYaml(yamlText, file, 1, errors);
  if (!parsed) return { entries: [], errors };
  const value = parsed.value ?? [];
  if (!Array.isArray(value)) {
    errors.push({
      file,
      line: 1,
      message: `expected a list of entries, got ${describe(value)}; write one "- hans: …" item per term, ${EXAMPLE}`,
    });
    return { entries: [], errors };
  }
  const entries: GlossaryEntry[] = [];
  /** Index in the file's list and line of each valid entry. */
  const places: Array<{ index: number; line: number | undefined }> = [];
  value.forEach((item: unknown, index) => {
    const line = parsed.lineOf([index]);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ file, line, field: `[${index}]`, message: `expected an entry with hans and hant, got ${describe(item)}; ${EXAMPLE}` });
      return;
    }
    const result = glossaryEntrySchema.safeParse(item);
    if (result.success) {
      entries.push(result.data);
      places.push({ index, line });
      return;
    }
    for (const issue of result.error.issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      errors.push({
        file,
        line: (key === undefined ? undefined : parsed.lineOf([index, key])) ?? line,
        field: key ? `[${index}].${key}` : `[${index}]`,
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: an entry has hans, hant and optionally note`
            : key === 'hans' || key === 'hant'
              ? `${issue.message} (to keep a term unconverted, write the same text in hans and hant)`
              : issue.message,
      });
    }
  });
  const where = (i: number) => (places[i]!.line === undefined ? `entry ${places[i]!.index + 1}` : `line ${places[i]!.line}`);
  for (const issue of checkGlossaryEntries(entries, where)) {
    const { index, line } = places[issue.index]!;
    errors.push({
      file,
      line,
      field: `[${index}]${issue.field ? `.${issue.field}` : ''}`,
      message: issue.message,
      ...(issue.severity ? { severity: issue.severity } : {}),
    });
  }
  return { entries, errors };
}

export interface GlossaryIssue {
  /** Index of the entry in the list. */
  index: number;
  field?: string;
  message: string;
  severity?: 'warning';
}

/**
 * Problems between valid entries: a term converted two ways (in either direction), repeats, forms
 * that look swapped, and terms of one character. `where(i)` names entry i for the message ("line 12").
 */
export function checkGlossaryEntries(entries: readonly GlossaryEntry[], where: (index: number) => string): GlossaryIssue[] {
  const issues: GlossaryIssue[] = [];
  const seen: Record<Lang, Map<string, number>> = { 'zh-Hans': new Map(), 'zh-Hant': new Map() };
  entries.forEach((entry, index) => {
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      const field = FIELD_OF[lang];
      const other = FIELD_OF[lang === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans'];
      const first = seen[lang].get(entry[field]);
      if (first === undefined) {
        seen[lang].set(entry[field], index);
      } else if (entries[first]![other] === entry[other]) {
        if (lang === 'zh-Hans') issues.push({ index, message: `repeats the entry on ${where(first)}: remove one of them` });
      } else {
        issues.push({
          index,
          field,
          message:
            `${field} ${shown(entry[field])} is also on ${where(first)} with ${other} ${shown(entries[first]![other])}: ` +
            `a term converts one way only; keep one entry, or make both terms longer so they differ (e.g. 发卡量 and 发卡)`,
        });
      }
    }
    if (entry.hans !== entry.hant) issues.push(...swapWarnings(entry, index));
    if ([...entry.hans].length === 1) issues.push({ index, field: 'hans', severity: 'warning', message: oneCharacter(entry) });
  });
  return issues;
}

/**
 * A term of one character is converted (or kept) inside every word that has it, where OpenCC had
 * each right: 发 → 髮 made 联发科 聯髮科 and 发现 髮現.
 */
const oneCharacter = ({ hans, hant }: GlossaryEntry) =>
  `hans ${shown(hans)} is one character: every word with it then ${hans === hant ? `keeps ${hans}` : `has ${hant}`} on zh-Hant pages, ` +
  `where OpenCC converted each word right (发 → 髮 made 联发科 聯髮科): write the words it is meant in instead (头发 → 頭髮, 姓范 rather than 范)`;

function swapWarnings(entry: GlossaryEntry, index: number): GlossaryIssue[] {
  return (['zh-Hans', 'zh-Hant'] as const).flatMap((lang) => {
    const field = FIELD_OF[lang];
    const wrong = findWrongScript(entry[field], lang);
    if (wrong.length === 0) return [];
    const chars = [...new Set(wrong.map((w) => w.char))].join('');
    const script = lang === 'zh-Hans' ? 'traditional' : 'simplified';
    return [
      {
        index,
        field,
        severity: 'warning' as const,
        message: `${field} ${shown(entry[field])} has ${script}-only ${chars}: ${field} is the ${lang === 'zh-Hans' ? 'simplified' : 'traditional'} form; are hans and hant swapped?`,
      },
    ];
  });
}

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : typeof value === 'object' && value !== null ? 'a map' : shown(value);
