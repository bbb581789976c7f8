import { describe, expect, it } from 'vitest';
import { createVariantConverter } from '../../../src/lib/convert/variant-converter.ts';
import { bodyOf, conversionKey, convertFields, type VariantArticle } from '../../../src/lib/archive/variant.ts';

const converter = createVariantConverter([]);
const article = { lang: 'zh-Hans' as const, glossary: [], title: '发货时间', summary: '头发', source: undefined, bodyHash: 'b1' };

describe("an article's conversion", () => {
  it('converts the body when it is given, and only the fields when it is not', () => {
    const full = convertFields({ ...article, html: '<p>发货</p>' }, 'zh-Hant', converter);
    expect(full.title).toBe('發貨時間');
    expect(full.body?.html).toBe('<p>發貨</p>');
    const fields = convertFields({ ...article, html: undefined }, 'zh-Hant', converter);
    expect(fields).toEqual({ ...full, body: undefined });
  });

  it('is cached apart with its body and without, so that a segment never takes one for the other', () => {
    expect(conversionKey(article, 'zh-Hant', true)).not.toBe(conversionKey(article, 'zh-Hant', false));
    expect(conversionKey(article, 'zh-Hant', true)).not.toBe(conversionKey({ ...article, bodyHash: 'b2' }, 'zh-Hant', true));
  });

  it('names the article whose body a build asks for but did not prepare', () => {
    const without = { slug: 'a-1', title: '发货' } as VariantArticle;
    expect(() => bodyOf(without)).toThrow(/the body of a-1 was not prepared/);
    expect(bodyOf({ ...without, body: { html: '<p>x</p>', hash: 'h' } })).toEqual({ html: '<p>x</p>', hash: 'h' });
  });
});
