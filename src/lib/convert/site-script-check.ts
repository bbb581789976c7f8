/**
 * The script check over a whole built site, both variants: every HTML page under `dist/` is
 * checked in the script of its locale folder (`/zh-hant/…` is zh-Hant, the rest zh-Hans). Reads
 * files; the logic is in page-script-check.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, LOCALES, type Lang } from '../../consts.ts';
import type { GlossaryEntry } from './glossary.ts';
import { termIn } from './glossary.ts';
import { checkPageScript } from './page-script-check.ts';
import { hasWrongScript } from './wrong-script.ts';
import { parseMarkers } from './markers.ts';

export interface SiteScriptProblem {
  /** Site path of the page, e.g. `/zh-hant/articles/x/`. */
  page: string;
  message: string;
}

/**
 * `kept`: the texts writers protected with `-{…}-` (see `protectedTexts`). Inside article bodies
 * they carry `translate="no"`, but in titles, summaries and attributes no element can mark them.
 */
export async function checkSiteScript(
  dist: string, glossary: readonly GlossaryEntry[], kept: readonly string[] = [],
): Promise<SiteScriptProblem[]> {
  const allowed = Object.fromEntries(
    LANGS.map((lang) => [lang, [...deliberateTerms(glossary, lang), ...kept.filter((t) => hasWrongScript(t, lang))]]),
  ) as Record<Lang, string[]>;
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const problems: SiteScriptProblem[] = [];
  for (const file of files) {
    const html = await readFile(path.join(dist, file), 'utf8');
    const page = sitePath(file);
    const lang = langOf(page);
    for (const f of checkPageScript(html, lang, allowed[lang])) {
      const script = lang === 'zh-Hans' ? 'traditional' : 'simplified';
      problems.push({ page, message: `${script}-only character ${f.char} on a ${lang} page, in ${f.where}: "${f.context}"` });
    }
  }
  return problems;
}

/** The glossary's forms for `lang` that the check would flag: written so on purpose. */
export function deliberateTerms(glossary: readonly GlossaryEntry[], lang: Lang): string[] {
  return glossary.map((entry) => termIn(entry, lang)).filter((term) => hasWrongScript(term, lang));
}

/** The texts protected with `-{…}-` anywhere in `texts`: shown as written in both variants. */
export function protectedTexts(texts: Iterable<string>): string[] {
  const kept = new Set<string>();
  for (const text of texts) {
    for (const piece of parseMarkers(text)) if (piece.kind === 'keep') kept.add(text.slice(piece.inner[0], piece.inner[1]));
  }
  return [...kept].sort();
}

function langOf(page: string): Lang {
  const folder = page.split('/')[1] ?? '';
  return folder in LOCALES ? LOCALES[folder as keyof typeof LOCALES].lang : LOCALES[''].lang;
}

/** `zh-hant/a/index.html` → `/zh-hant/a/`; `404.html` → `/404.html`. */
function sitePath(file: string): string {
  const posix = file.split(path.sep).join('/');
  return `/${posix.endsWith('index.html') ? posix.slice(0, -'index.html'.length) : posix}`;
}
