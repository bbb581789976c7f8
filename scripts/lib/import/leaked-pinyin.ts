/**
 * The old site's traditional converter left pinyin after some characters: `網(wǎng)購`, `發(fā)貨`.
 * A parenthesis is a leak only when it holds a single toned syllable that is a reading of the
 * character just before it, so real parentheses (`(推广)`, `(id:cnitr5)`, `咖啡(café)`) stay.
 */
import { pinyin } from 'pinyin-pro';

const LEAK = /(\p{Script=Han})[(\uFF08]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)\uFF09]/gu;

const readings = (han: string): string[] => pinyin(han, { multiple: true, type: 'array' });

export function removeLeakedPinyin(text: string): string {
  return text.replace(LEAK, (whole, han: string, syllable: string) => (readings(han).includes(syllable) ? han : whole));
}
