import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../../src/lib/content/did-you-mean.ts';

const KEYS = ['title', 'date', 'channel', 'views', 'summary', 'draft'];

describe('didYouMean', () => {
  it.each([
    ['chanel', ' (did you mean "channel"?)'],
    ['tittle', ' (did you mean "title"?)'],
    ['summery', ' (did you mean "summary"?)'],
    ['view', ' (did you mean "views"?)'],
    ['Titel', ' (did you mean "title"?)'],
    // Far from every key: a suggestion would mislead.
    ['tags', ''],
    ['author', ''],
    ['作者', ''],
  ])('%s →%s', (word, expected) => expect(didYouMean(word, KEYS)).toBe(expected));

  it('suggests nothing from nothing', () => expect(didYouMean('jingying', [])).toBe(''));
});
