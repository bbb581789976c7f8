/**
 * Which kind of legacy page a text is, by what it holds rather than how it is laid out. A listing
 * page has meta lines (`2019-05-14 09:28:18529 次`), a pager or a breadcrumb, in either script and
 * wherever they stand; a long-form page is a title line and paragraphs of Chinese below it, with or
 * without blank lines. When a page is neither, the error says what was found.
 */
import { boilerplateRule } from './boilerplate.ts';
import { BREADCRUMB, META_LIKE, META_LINE, PAGER, label } from './legacy-lines.ts';

export type LegacyFormat = 'listing' | 'longform';

/** Below this share of Han characters a text is not a Chinese article (markup, data, another language). */
const MIN_HAN_SHARE = 0.3;
export const MAX_TITLE_LINE = 100;

const NOT_LISTING = 'no meta line (like "2019-05-14 09:28:18529 次"), pager or breadcrumb, so it is not a listing page';

export function detectFormat(text: string): { format: LegacyFormat } | { error: string; line?: number } {
  if (text.trim() === '') return { error: 'is empty: nothing to import' };
  const lines = text.split('\n');
  // One sentence shaped like a meta line ("活动时间为2019-06-18,每人限领1次") does not make a listing
  // page: a listing has a meta line as written, a pager or a breadcrumb, or two meta-like lines at least.
  const metaLike = lines.filter((l) => META_LIKE.test(l.trim())).length;
  if (metaLike >= 2 || lines.some((l) => META_LINE.test(l.trim()) || PAGER.test(label(l)) || BREADCRUMB.test(label(l)))) {
    return { format: 'listing' };
  }
  const visible = text.replace(/\s+/g, '');
  const han = visible.match(/\p{Script=Han}/gu)?.length ?? 0;
  const share = Math.round((100 * han) / visible.length);
  if (han / visible.length < MIN_HAN_SHARE) {
    return { error: `is neither format: only ${share}% of its characters are Chinese (is it markup or data?), and it has ${NOT_LISTING}` };
  }
  // An ad or credit above the title is dropped by the long-form parser: the title is the line after.
  const filled = lines.flatMap((l, i) => (l.trim() === '' || boilerplateRule(l) ? [] : [{ line: i + 1, text: l.trim() }]));
  const title = filled[0];
  if (!title) return { error: `is neither format: it has ${NOT_LISTING}, and it holds only boilerplate lines (credits, ads)` };
  if ([...title.text].length > MAX_TITLE_LINE) {
    return {
      line: title.line,
      error:
        `is neither format: it has ${NOT_LISTING}, and its first line is ${[...title.text].length} characters long, ` +
        `too long for a long-form page's title (at most ${MAX_TITLE_LINE}): if it is one, put its title on a line of its own above the text`,
    };
  }
  if (filled.length === 1) {
    return {
      line: title.line,
      error: `is neither format: it has ${NOT_LISTING}, and it is a single line, so it is not a long-form page (a title, then paragraphs)`,
    };
  }
  return { format: 'longform' };
}
