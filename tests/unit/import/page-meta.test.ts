import { describe, expect, it } from 'vitest';
import { metaFileOf, parsePageMeta } from '../../../scripts/lib/import/page-meta.ts';

describe("a long-form page's .meta.yaml", () => {
  it("is the page's name with .meta.yaml for its extension", () => {
    expect(metaFileOf('scrape/shequn/page-3.txt')).toBe('scrape/shequn/page-3.meta.yaml');
  });

  it('gives channel, date, views and source', () => {
    const read = parsePageMeta('channel: shequn\ndate: 2018-06-01 09:00:00\nviews: 12\nsource: 一起惠\n', 'p.meta.yaml');
    expect(read).toMatchObject({ meta: { channel: 'shequn', date: { display: '2018-06-01 09:00:00' }, views: 12, source: '一起惠' } });
  });

  it.each([
    [
      'date: 2018-06-01\n',
      [
        {
          line: undefined,
          field: 'channel',
          message: 'expected a channel slug such as shequn, or its name such as 社群; the page is skipped',
        },
      ],
    ],
    [
      'channel: shequn\ndate: 2019-02-30\n',
      [
        {
          line: 2,
          field: 'date',
          message: expect.stringMatching(/^"2019-02-30" is not a real date.*; the page is skipped$/),
        },
      ],
    ],
    [
      'channel: shequn\ndate: 2018-06-01\nview: 3\n',
      [
        {
          line: 3,
          field: 'view',
          message: 'is not a field here: the fields are channel, date, views, source; the page is skipped',
        },
      ],
    ],
    [
      'channel: shequn\ndate: 2018-06-01\nviews: -1\n',
      [
        {
          line: 3,
          field: 'views',
          message: expect.stringMatching(/the page is skipped$/),
        },
      ],
    ],
    ['channel: [shequn\n', [{ line: 2, message: expect.stringMatching(/^is not valid YAML .*; the page is skipped$/) }]],
  ])('names the file, line and field of a mistake: %j', (text, problems) => {
    expect(parsePageMeta(text, 'p.meta.yaml')).toEqual({ problems: problems.map((p) => ({ file: 'p.meta.yaml', ...p })) });
  });
});
