/**
 * The script check over a whole built site, both variants: every HTML page under `dist/` is
 * checked in the script of its locale folder (`/zh-hant/…` is zh-Hant, the rest zh-Hans). Reads
 * files; the logic is in src/lib/convert/page-han-script.ts.
 */
import { LANGS, LOCALES, type Lang, type LocaleFolder } from '../../../src/consts.ts';
import type { GlossaryEntry } from '../../../src/lib/convert/glossary.ts';
import { termIn } from '../../../src/lib/convert/glossary.ts';
import { parseMarkers } from '../../../src/lib/convert/markers.ts';
import { checkPageScript } from '../../../src/lib/convert/page-han-script.ts';
import { hasWrongScript } from '../../../src/lib/convert/wrong-han-script.ts';
import { isHtmlFile, localeFolderOf, sitePathOf } from './site-paths.ts';
import { listFiles, readPage } from './tree.ts';

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
  dist: string,
  glossary: readonly GlossaryEntry[],
  kept: readonly string[] = [],
): Promise<SiteScriptProblem[]> {
  const allowed = Object.fromEntries(
    LANGS.map((lang) => [lang, [...deliberateTerms(glossary, lang), ...kept.filter((t) => hasWrongScript(t, lang))]]),
  ) as Record<Lang, string[]>;
  const folders = Object.keys(LOCALES);
  const problems: SiteScriptProblem[] = [];
  for (const file of listFiles(dist).filter(isHtmlFile)) {
    const page = sitePathOf(file);
    const read = readPage(dist, file);
    if ('error' in read) {
      problems.push({ page, message: read.error });
      continue;
    }
    const lang = LOCALES[localeFolderOf(page, folders) as LocaleFolder].lang;
    for (const f of checkPageScript(read.text, lang, allowed[lang])) {
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
