import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/consts.ts';
import { findWrongScript } from '../../../src/lib/convert/wrong-han-script.ts';
import { deriveWrongScriptChars } from '../../../src/lib/convert/han-script-sets.ts';
import { checkPageScript } from '../../../src/lib/convert/page-han-script.ts';
import { checkSiteScript } from '../../../scripts/lib/site-checks/index.ts';
import { tempDirSync } from '../../helpers/temp-dirs.ts';

describe('findWrongScript (sets derived from OpenCC)', () => {
  it.each<[text: string, lang: Lang, chars: string[], why: string]>([
    ['发', 'zh-Hant', ['发'], 'simplified-only in zh-Hant'],
    ['后干里面台只范', 'zh-Hant', [], 'simplified forms that are also traditional characters (皇后, 干涉…)'],
    ['僞', 'zh-Hant', [], 'an HK variant is traditional, not simplified'],
    ['髮後裡', 'zh-Hans', ['髮', '後', '裡'], 'traditional-only in zh-Hans'],
    ['著乾徵於', 'zh-Hans', [], 'traditional forms that simplified text also uses (著名, 乾隆…)'],
    ['头-{发}-', 'zh-Hant', ['头'], 'protected text is skipped'],
    ['abc 123', 'zh-Hant', [], 'no Chinese'],
  ])('%s in %s → %j: %s', (text, lang, chars) => {
    expect(findWrongScript(text, lang).map((f) => f.char)).toEqual(chars);
  });

  it('gives the index and some context', () => {
    expect(findWrongScript('他的頭发很長', 'zh-Hant')).toEqual([{ char: '发', index: 3, context: '他的頭发很長' }]);
  });

  it('skips allowed terms', () => {
    expect(findWrongScript('天猫和猫', 'zh-Hant', ['天猫']).map((f) => f.index)).toEqual([3]);
  });

  it("uses the sets opencc-js's dictionaries give now, as written into the generated module", async () => {
    const { WRONG_SCRIPT_CHARS } = await import('../../../src/lib/convert/wrong-script-chars.generated.ts');
    const { wrongScriptCharsModule, WRONG_SCRIPT_CHARS_FILE } = await import('../../../scripts/lib/wrong-script-chars-module.ts');
    const derived = { 'zh-Hans': deriveWrongScriptChars('zh-Hans'), 'zh-Hant': deriveWrongScriptChars('zh-Hant') };
    expect([...derived['zh-Hant']].length, 'a derivation that finds nothing').toBeGreaterThan(1000);
    expect(WRONG_SCRIPT_CHARS, 'opencc-js has changed: run npm run derive-script-chars').toEqual(derived);
    expect(readFileSync(WRONG_SCRIPT_CHARS_FILE, 'utf8')).toBe(wrongScriptCharsModule(derived));
  });
});

describe('checkPageScript', () => {
  it('checks visible text and converted attributes, skipping code, translate=no and other languages', () => {
    const page =
      '<!doctype html><html lang="zh-Hant"><head><title>头髮</title>' +
      '<meta name="description" content="發发"><script>var 发;</script></head><body>' +
      '<a href="/发/" lang="zh-Hans">简体</a><p>頭发<code>发</code><span translate="no">发</span></p>' +
      '<img src="/发.png" alt="发"></body></html>';
    expect(checkPageScript(page, 'zh-Hant')).toEqual([
      { char: '头', index: 0, context: '头髮', where: 'text' },
      { char: '发', index: 1, context: '頭发  ', where: 'text' },
      { char: '发', index: 1, context: '發发', where: 'meta[content]' },
      { char: '发', index: 0, context: '发', where: 'img[alt]' },
    ]);
  });
});

describe('checkSiteScript over a built site', () => {
  it('names the page and the character, in both variants', async () => {
    const dist = tempDirSync('site-script');
    const page = (file: string, lang: string, body: string) => {
      mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
      writeFileSync(path.join(dist, file), `<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`);
    };
    page('index.html', 'zh-Hans', '<p>头发</p>');
    page('a/index.html', 'zh-Hans', '<p>頭髮</p>');
    page('zh-hant/index.html', 'zh-Hant', '<p>頭髮</p>');
    page('zh-hant/a/index.html', 'zh-Hant', '<p>頭发 天猫</p>');
    const glossary = [{ hans: '天猫', hant: '天猫' }];
    expect(await checkSiteScript(dist, glossary)).toEqual([
      { page: '/a/', message: 'traditional-only character 頭 on a zh-Hans page, in text: "頭髮"' },
      { page: '/a/', message: 'traditional-only character 髮 on a zh-Hans page, in text: "頭髮"' },
      { page: '/zh-hant/a/', message: 'simplified-only character 发 on a zh-Hant page, in text: "頭发 天猫"' },
    ]);
  });
});
