import { describe, expect, it } from 'vitest';
import { SITE_URL } from '../../../src/consts.ts';
import type { Site } from '../../../src/lib/archive/site.ts';
import { jsonAsHash } from '../../../src/lib/hash.ts';
import { pageCacheKey } from '../../../src/lib/route-data/cache-key.ts';
import { pageFrame, type FrameInput } from '../../../src/lib/route-data/frame.ts';
import { UI, type UiWords } from '../../../src/lib/ui-words.ts';

/** A site of one channel and no articles, in both variants; `words` changes the zh-Hans words. */
function siteOf(words: Partial<UiWords> = {}): Site {
  const variant = (lang: 'zh-Hans' | 'zh-Hant', extra: Partial<UiWords>) => ({
    lang,
    siteName: lang === 'zh-Hans' ? '一起惠资讯' : '一起惠資訊',
    words: jsonAsHash({ ...UI, ...extra }),
    channels: [{ slug: 'jingying', name: '经营', url: '/jingying/', feedUrl: '/jingying/rss.xml' }],
    articles: [],
    bySlug: new Map(),
    merchants: [],
  });
  return {
    contentDir: 'content',
    archive: { weeklyHot: [], weeklyRanking: new Map() },
    variants: { 'zh-Hans': variant('zh-Hans', words), 'zh-Hant': variant('zh-Hant', {}) },
  } as unknown as Site;
}

const input: FrameInput = {
  lang: 'zh-Hans',
  path: '/articles/taobao-618/',
  title: '淘宝618新规',
  description: '今年的规则有了新的变化。',
  crumbs: [{ label: '经营', url: '/jingying/' }, { label: '淘宝618新规' }],
  channel: 'jingying',
};
const keyOf = (site: Site, given: FrameInput = input) => pageCacheKey({ frame: pageFrame(site, given) });

describe("a page frame in the page's key", () => {
  it('prints what it is made of: the canonical link, the twin, the breadcrumb', () => {
    const frame = pageFrame(siteOf(), input);
    expect(frame.canonical).toBe(`${SITE_URL}/articles/taobao-618/`);
    expect(frame.switchTo.map((s) => s.href)).toEqual(['/zh-hant/articles/taobao-618/']);
    expect(frame.breadcrumb.map((c) => c.label)).toEqual(['首页', '一起惠资讯', '经营', '淘宝618新规']);
  });

  it('stands as its input and its shared parts, not as everything it prints', () => {
    const json = JSON.stringify(pageFrame(siteOf(), input));
    expect(JSON.parse(json)).toEqual({ parts: expect.stringMatching(/^#/), input });
    expect(json).not.toContain(SITE_URL);
  });

  it('changes with each field of its input', () => {
    const site = siteOf();
    const before = keyOf(site);
    for (const changed of [
      { title: '淘宝双11新规' },
      { description: '规则没有变化。' },
      { path: '/articles/taobao-11/' },
      { crumbs: [{ label: '淘宝' }] },
      { channel: undefined },
      { lang: 'zh-Hant' as const },
      { indexable: false },
    ]) {
      expect(keyOf(site, { ...input, ...changed }), JSON.stringify(changed)).not.toBe(before);
    }
  });

  it("changes with the words of its variant and of the variant it offers, as the frames of another site's data", () => {
    const before = keyOf(siteOf());
    expect(keyOf(siteOf())).toBe(before);
    expect(keyOf(siteOf({ home: '首頁' }))).not.toBe(before);
    const other = siteOf();
    other.variants['zh-Hant'] = { ...other.variants['zh-Hant'], words: jsonAsHash({ ...UI, offerAccept: '好' }) };
    expect(keyOf(other)).not.toBe(before);
  });
});
