/**
 * Lines of a long-form page that are not the article: the old site pasted several pieces into one
 * page with their credits, end markers and ads. To drop another kind of line, add a rule here with
 * a test in tests/unit/import/text-rules.test.ts. Rules see the line trimmed, in simplified script,
 * with full-width punctuation folded to ASCII (NFKC), so one pattern covers every variant.
 */
import { toSimplified } from '../../../src/lib/convert/opencc.ts';

export interface BoilerplateRule {
  name: string;
  pattern: RegExp;
  /** Why such a line is not content, for the next person reading the list. */
  why: string;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { name: 'source credit', pattern: /^(文章|本文)?来源:/, why: 'credits the site a piece was copied from (文章来源:…)' },
  { name: 'end marker', pattern: /^[-—–_~=\s]*end[-—–_~=\s]*$/i, why: 'closes a pasted piece (END, - END -, —END—)' },
  { name: 'press-release ad', pattern: /^发稿网.*软文/, why: 'the ad of the agency that placed the pieces (发稿网软文代写软文平台。)' },
  { name: 'agency blurb', pattern: /^团队由资深互联网专家组成.*软文/, why: 'the same agency describing itself' },
  { name: 'disclaimer', pattern: /^文章为作者独立观点,不代表所属公司立场。?$/, why: 'a syndication disclaimer, not the author' },
  { name: 'consultation ad', pattern: /关注即可获取免费咨询/, why: 'asks readers to follow an account for a free consultation' },
  { name: 'image credit', pattern: /^自配图/, why: 'credits an image the scrape did not keep' },
];

/** The rule a line falls under, if any. */
export function boilerplateRule(line: string): BoilerplateRule | undefined {
  const folded = toSimplified(line.normalize('NFKC').trim());
  return BOILERPLATE_RULES.find((rule) => rule.pattern.test(folded));
}
