import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArchiveDate, type ArchiveDate } from '../../../src/lib/dates.ts';
import { listingCopy, type Copy } from '../../../scripts/lib/import/copy.ts';
import { parseListingPage } from '../../../scripts/lib/import/listing-page.ts';
import { clusterCopies, mergedMeta } from '../../../scripts/lib/import/merge.ts';
import { SAME_TEXT_SAME_TIME, comparableText, sameArticle, similarity } from '../../../scripts/lib/import/similarity.ts';
import { legacyFile } from '../../helpers/legacy.ts';

const date = (text: string) => parseArchiveDate(text) as ArchiveDate;
const jingying = parseListingPage(readFileSync(legacyFile('jingying-page-8.txt'), 'utf8'), 'j').articles;
const traditional = parseListingPage(readFileSync('tests/fixtures/import/taobao-traditional.txt', 'utf8'), 't').articles;

describe('similarity of copies', () => {
  const simplified = { comparable: comparableText(jingying[0]!.text), epochMs: jingying[0]!.date.epochMs };
  const mangled = { comparable: comparableText(traditional[0]!.text), epochMs: traditional[0]!.date.epochMs };

  it('sees a traditional copy with a mangled run as the same article', () => {
    expect(mangled.comparable).not.toBe(simplified.comparable);
    expect(similarity(mangled.comparable, simplified.comparable)).toBeGreaterThan(0.95);
    expect(sameArticle(mangled, simplified)).toBeDefined();
  });

  it('keeps different articles of one page apart', () => {
    const texts = jingying.map((a) => ({ comparable: comparableText(a.text), epochMs: a.date.epochMs }));
    const pairs = texts.flatMap((a, i) => texts.slice(i + 1).map((b) => sameArticle(a, b)));
    // The page has exactly two reposts (lines 21/33 and 39/41).
    expect(pairs.filter((p) => p !== undefined)).toHaveLength(2);
  });

  it('needs the date-time to agree for a damaged copy', () => {
    const a = '开网店的第一步是选品。选品要看市场需求,也要看自己能不能拿到稳定的货源。';
    const b = '开网店的第一步是选品。选品要看市?xùn)|求,也要看自己能不能拿到稳定?nèi)货源。';
    const score = similarity(comparableText(a), comparableText(b));
    expect(score).toBeGreaterThan(SAME_TEXT_SAME_TIME);
    expect(score).toBeLessThan(0.9);
    expect(sameArticle({ comparable: comparableText(a), epochMs: 1 }, { comparable: comparableText(b), epochMs: 1 })).toBeDefined();
    expect(sameArticle({ comparable: comparableText(a), epochMs: 1 }, { comparable: comparableText(b), epochMs: 2 })).toBeUndefined();
  });
});

const copy = (text: string, origin: string, channel: string, when: string, views: number, lang: 'zh-Hans' | 'zh-Hant' = 'zh-Hans'): Copy =>
  listingCopy(text, { origin, channel, lang, date: date(when), views });

describe('clusterCopies and mergedMeta', () => {
  const text = '开网店的第一步是选品。选品要看市场需求,也要看自己能不能拿到稳定的货源,两者缺一不可。';
  const copies = [
    copy(text, 'a:1', 'taobao', '2019-03-08 10:30:00', 250),
    copy(
      '開網店的第一步是選品。選品要看市場需求,也要看自己能不能拿到穩定的貨源,兩者缺一不可。',
      'b:1',
      'jingying',
      '2019-03-08 10:30:00',
      900,
      'zh-Hant',
    ),
    copy(text, 'c:1', 'shequn', '2019-03-01 09:00:00', 100),
    copy('完全不同的一篇文章,讲的是物流和售后服务,没有任何相同的内容。', 'd:1', 'taobao', '2019-03-08 10:30:00', 5),
  ];

  it('groups copies the same way whatever their order', () => {
    const key = (clusters: Copy[][]) =>
      clusters
        .map((c) =>
          c
            .map((x) => x.origin)
            .sort()
            .join('+'),
        )
        .sort();
    expect(key(clusterCopies(copies))).toEqual(['a:1+b:1+c:1', 'd:1']);
    expect(key(clusterCopies([...copies].reverse()))).toEqual(['a:1+b:1+c:1', 'd:1']);
  });

  it('keeps a damaged copy under another date-time apart', () => {
    const damaged = copy(
      '开网店的第一步是选品。选品要看市?xùn)|求,也要看自己能不能拿到稳定?nèi)货源,两者缺一不可。',
      'e:1',
      'taobao',
      '2019-04-01 08:00:00',
      1,
    );
    expect(clusterCopies([copies[0]!, damaged])).toHaveLength(2);
    expect(clusterCopies([copies[0]!, { ...damaged, date: copies[0]!.date }])).toHaveLength(1);
  });

  it('keeps the simplified copy and the earliest; unites channels; takes the highest views', () => {
    for (const order of [copies, [...copies].reverse()]) {
      const cluster = clusterCopies(order).find((c) => c.length === 3)!;
      expect(cluster[0]!.origin).toBe('c:1');
      expect(mergedMeta(cluster)).toMatchObject({
        channels: ['shequn', 'jingying', 'taobao'],
        views: 900,
        date: { display: '2019-03-01 09:00:00' },
      });
    }
  });
});
