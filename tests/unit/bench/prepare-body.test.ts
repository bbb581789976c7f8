/** The speed-ups keep the output: summaries from a text's head equal summaries of the whole text. */
import { describe, expect, it } from 'vitest';
import { summaryHead } from '../../../src/lib/archive/prepare-body.ts';
import { summarize } from '../../../src/lib/markdown/summarize.ts';

const sentence = '淘宝卖家延迟发货，消费者可以发起投诉。';
const long = (unit: string, length = 2000) => unit.repeat(Math.ceil(length / unit.length));

describe('summaryHead', () => {
  it.each([
    { what: 'a short text', text: sentence, cut: false },
    { what: 'a long Chinese text', text: long(sentence), cut: true },
    { what: 'thousands commas around the cut', text: long('销售额达到1,000,000元，同比增长。'), cut: true },
    { what: 'a protection marker open at the head end', text: `${'好'.repeat(230)}-{${'软件'.repeat(50)}}-${long(sentence)}`, cut: false },
    { what: 'a closed marker inside the head', text: `-{软件}-${long(sentence)}`, cut: true },
    { what: 'emoji with many code units per grapheme', text: long('👨‍👩‍👧‍👦家'), cut: false },
    { what: 'combining marks', text: long('e\u0301\u0302\u0303'), cut: false },
  ])('$what: same summary as the whole text', ({ text, cut }) => {
    const head = summaryHead(text);
    expect(head.length < text.length).toBe(cut);
    expect(summarize(head)).toBe(summarize(text));
  });
});
