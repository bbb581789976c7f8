import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../../src/lib/convert/glossary.ts';
import { createVariantConverter } from '../../../src/lib/convert/variant-converter.ts';

const FILE = 'content/glossary.yaml';

describe('parseGlossary', () => {
  it('reads entries, notes included', () => {
    expect(parseGlossary('- hans: 姓范\n  hant: 姓范\n  note: surname\n- hans: 发卡量\n  hant: 發卡量\n', FILE)).toEqual({
      entries: [
        { hans: '姓范', hant: '姓范', note: 'surname' },
        { hans: '发卡量', hant: '發卡量' },
      ],
      errors: [],
    });
  });

  it('takes an empty file as an empty glossary', () => {
    expect(parseGlossary('# nothing yet\n', FILE)).toEqual({ entries: [], errors: [] });
  });

  it.each([
    [
      'not YAML',
      '- hans: [姓范\n',
      [
        {
          line: 1,
          field: '[0].hans',
          message:
            'is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]): ' +
            'close the list with ], or if it is text, put the whole value in quotes: hans: "[姓范"',
        },
      ],
    ],
    [
      'not a list',
      'hans: 姓范\nhant: 姓范\n',
      [
        {
          line: 1,
          message:
            'expected a list of entries, got a map; write one "- hans: …" item per term, e.g. a line "- hans: 姓范" and below it "  hant: 姓范"',
        },
      ],
    ],
    [
      'an item that is not an entry',
      '- 一起惠\n',
      [
        {
          line: 1,
          field: '[0]',
          message: 'expected an entry with hans and hant, got "一起惠"; e.g. a line "- hans: 姓范" and below it "  hant: 姓范"',
        },
      ],
    ],
    [
      'a missing form',
      '- hans: 一起惠\n',
      [
        {
          line: 1,
          field: '[0].hant',
          message: 'is required: the traditional form of the term (to keep a term unconverted, write the same text in hans and hant)',
        },
      ],
    ],
    [
      'an empty form',
      '- hans: 一起惠\n  hant: ""\n',
      [
        {
          line: 2,
          field: '[0].hant',
          message: 'must not be empty: the traditional form of the term (to keep a term unconverted, write the same text in hans and hant)',
        },
      ],
    ],
    [
      'a misspelt key',
      '- hans: 一起惠\n  hant: 一起惠\n  notes: x\n',
      [{ line: 1, field: '[0]', message: 'unknown key "notes": an entry has hans, hant and optionally note' }],
    ],
    [
      'a term converted two ways',
      '- hans: 发卡\n  hant: 發卡\n- hans: 发卡\n  hant: 髮卡\n',
      [
        {
          line: 3,
          field: '[1].hans',
          message:
            'hans "发卡" is also on line 1 with hant "發卡": a term converts one way only; keep one entry, or make both terms longer so they differ (e.g. 发卡量 and 发卡)',
        },
      ],
    ],
    [
      'two terms converted to one',
      '- hans: 发卡\n  hant: 發卡\n- hans: 発卡\n  hant: 發卡\n',
      [
        {
          line: 3,
          field: '[1].hant',
          message:
            'hant "發卡" is also on line 1 with hans "发卡": a term converts one way only; keep one entry, or make both terms longer so they differ (e.g. 发卡量 and 发卡)',
        },
      ],
    ],
    [
      'a repeated entry',
      '- hans: 姓范\n  hant: 姓范\n- hans: 姓范\n  hant: 姓范\n',
      [{ line: 3, field: '[1]', message: 'repeats the entry on line 1: remove one of them' }],
    ],
    [
      'swapped forms (a warning)',
      '- hans: 頭髮\n  hant: 头发\n',
      [
        {
          line: 1,
          field: '[0].hans',
          severity: 'warning',
          message: 'hans "頭髮" has traditional-only 頭髮: hans is the simplified form; are hans and hant swapped?',
        },
        {
          line: 1,
          field: '[0].hant',
          severity: 'warning',
          message: 'hant "头发" has simplified-only 头发: hant is the traditional form; are hans and hant swapped?',
        },
      ],
    ],
    [
      'a term of one character (a warning)',
      '- hans: 联发科\n  hant: 聯發科\n- hans: 发\n  hant: 髮\n- hans: 范\n  hant: 范\n',
      [
        {
          line: 3,
          field: '[1].hans',
          severity: 'warning',
          message:
            'hans "发" is one character: every word with it then has 髮 on zh-Hant pages, where OpenCC converted each word right (发 → 髮 made 联发科 聯髮科): write the words it is meant in instead (头发 → 頭髮, 姓范 rather than 范)',
        },
        {
          line: 5,
          field: '[2].hans',
          severity: 'warning',
          message:
            'hans "范" is one character: every word with it then keeps 范 on zh-Hant pages, where OpenCC converted each word right (发 → 髮 made 联发科 聯髮科): write the words it is meant in instead (头发 → 頭髮, 姓范 rather than 范)',
        },
      ],
    ],
  ])('reports %s with its line', (_what, yaml, problems) => {
    expect(parseGlossary(yaml, FILE).errors).toEqual(problems.map((p) => ({ file: FILE, ...p })));
  });

  it('lists every problem at once and keeps the valid entries', () => {
    const { entries, errors } = parseGlossary('- hans: 一起惠\n- hans: 姓范\n  hant: 姓范\n- 3\n', FILE);
    expect(errors.map((e) => e.line)).toEqual([1, 4]);
    expect(entries).toEqual([{ hans: '姓范', hant: '姓范' }]);
  });
});

describe('glossary rules', () => {
  const converter = createVariantConverter([
    { hans: '发卡', hant: '發卡' },
    { hans: '发卡器', hant: '髮卡器' },
    { hans: '一起惠', hant: '一起惠' },
  ]);
  it.each([
    ['the longest term wins', '发卡器和发卡', '髮卡器和發卡'],
    ['a term inside a longer OpenCC phrase still wins', '银行发卡', '銀行發卡'],
    ['equal forms are never converted', '一起惠', '一起惠'],
    ['a private-use character in the text survives the placeholders', '\uE000发卡\uE000', '\uE000發卡\uE000'],
  ])('%s', (_why, source, expected) => {
    expect(converter.text(source, 'zh-Hans', 'zh-Hant')).toBe(expected);
  });
  it('applies terms the other way from hant to hans', () => {
    expect(converter.text('髮卡器和發卡', 'zh-Hant', 'zh-Hans')).toBe('发卡器和发卡');
  });
  it("lets an article's rules win over the site glossary, for that article only", () => {
    const extra = [{ hans: '发卡', hant: '髮卡' }];
    expect(converter.text('发卡', 'zh-Hans', 'zh-Hant', extra)).toBe('髮卡');
    expect(converter.text('发卡', 'zh-Hans', 'zh-Hant')).toBe('發卡');
  });
  it('does not apply the glossary when from === to', () => {
    expect(converter.text('發卡', 'zh-Hant', 'zh-Hant')).toBe('發卡');
  });
});
