/**
 * Which kind of legacy page a text is. A listing page has meta lines (`2019-05-14 09:28:18529 次`),
 * a pager or a breadcrumb; a long-form page is a title line, a blank line and paragraphs of Chinese.
 */
import { BREADCRUMB, META_LIKE, PAGER, label } from './legacy-lines.ts';

export type LegacyFormat = 'listing' | 'longform';

/** Below this share of Han characters a text is not a Chinese article (markup, data, another language). */
const MIN_HAN_SHARE = 0.3;
const MAX_TITLE_LINE = 100;

export function detectFormat(text: string): { format: LegacyFormat } | { error: string; line?: number } {
  if (text.trim() === '') return { error: 'is empty: nothing to import' };
  const lines = text.split('\n');
  if (lines.some((l) => META_LIKE.test(l.trim()) || PAGER.test(label(l)) || BREADCRUMB.test(label(l)))) {
    return { format: 'listing' };
  }
  const visible = text.replace(/\s+/g, '');
  const han = visible.match(/\p{Script=Han}/gu)?.length ?? 0;
  const title = lines[0]!.trim();
  const paragraphs = lines.slice(1).filter((l) => l.trim() !== '');
  if (han / visible.length < MIN_HAN_SHARE) {
    return { error: 'is neither format: less than a third of it is Chinese text (is it markup or data?)' };
  }
  if (title === '' || [...title].length > MAX_TITLE_LINE || lines[1]?.trim() !== '' || paragraphs.length === 0) {
    return {
      line: 1,
      error:
        'is neither a listing page (article lines each followed by a meta line like "2019-05-14 09:28:18529 次") ' +
        'nor a long-form page (a title on line 1, a blank line, then paragraphs separated by blank lines)',
    };
  }
  return { format: 'longform' };
}
