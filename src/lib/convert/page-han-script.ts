/**
 * The script check over a built page: no simplified-only character on a zh-Hant page and no
 * traditional-only one on a zh-Hans page, in the text and the attributes a reader sees. Code,
 * `translate="no"` (where the converter puts protected text) and elements whose `lang` is another
 * language are skipped.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Lang } from '../../consts.ts';
import { BARRIER } from './aligned-convert.ts';
import { collectVisibleText } from './html-text.ts';
import { findWrongScript, type WrongScript } from './wrong-han-script.ts';

export interface PageScriptFinding extends WrongScript {
  /** Where on the page: "text", or the element and attribute (`img[alt]`). */
  where: string;
}

/**
 * `allowed`: terms written on purpose in a form the check would flag (the glossary's forms for
 * `lang`, e.g. a 天猫 the site never converts), skipped in titles and attributes, where the
 * converter cannot mark them.
 */
export function checkPageScript(html: string, lang: Lang, allowed: readonly string[] = []): PageScriptFinding[] {
  const { runs, attributes } = collectVisibleText(fromHtml(html), lang);
  const findings: PageScriptFinding[] = [];
  for (const run of runs) {
    for (const f of findWrongScript(run.text, lang, allowed)) {
      // The barrier stands for code or an image inside the block: show it as a space.
      findings.push({ ...f, context: f.context.replaceAll(BARRIER, ' '), where: 'text' });
    }
  }
  for (const { element, property } of attributes) {
    const attribute = property === 'ariaLabel' ? 'aria-label' : property;
    for (const f of findWrongScript(element.properties[property] as string, lang, allowed)) {
      findings.push({ ...f, where: `${element.tagName}[${attribute}]` });
    }
  }
  return findings;
}
