import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/consts.ts';
import { createVariantConverter } from '../../../src/lib/convert/variant-converter.ts';

const H: Lang = 'zh-Hans';
const T: Lang = 'zh-Hant';
const converter = createVariantConverter([
  { hans: '天猫', hant: '天猫', note: 'kept on purpose: has simplified-only 猫' },
  { hans: '脸书', hant: 'Facebook', note: 'changes length' },
  { hans: '甲乙', hant: 'x𠀀', note: 'output outside the BMP' },
]);
const KEPT_HANS = (text: string) => `<span translate="no" lang="zh-Hans">${text}</span>`;

describe('html conversion', () => {
  it.each([
    ['a phrase across inline tags converts as one phrase', '<p>他的头<b>发</b>很长</p>', '<p>他的頭<b>髮</b>很長</p>'],
    ['blocks convert separately', '<ul><li>头</li><li>发</li></ul>', '<ul><li>頭</li><li>發</li></ul>'],
    ['text at the top of a fragment', '头发', '頭髮'],
    ['<br> ends a phrase', '<p>头<br>发</p>', '<p>頭<br>發</p>'],
    ['code is never converted', '<p>运行<code>发布</code>后</p>', '<p>運行<code>发布</code>後</p>'],
    [
      'pre, kbd, samp, script, style are never converted',
      '<pre>头发</pre><p><kbd>头发</kbd><samp>头发</samp></p><script>"头发"</script><style>/*头发*/</style>',
      '<pre>头发</pre><p><kbd>头发</kbd><samp>头发</samp></p><script>"头发"</script><style>/*头发*/</style>',
    ],
    ['translate="no" is never converted', '<p><span translate="no">头发</span>头发</p>', '<p><span translate="no">头发</span>頭髮</p>'],
    [
      'alt, title and aria-label convert; src, href, class and id do not',
      '<p><a href="/头发/" class="头发" id="头发" title="头发" aria-label="头发">头发</a><img src="/图/头发.png" alt="头发"></p>',
      '<p><a href="/头发/" class="头发" id="头发" title="頭髮" aria-label="頭髮">頭髮</a><img src="/图/头发.png" alt="頭髮"></p>',
    ],
    ['markers in attributes are resolved', '<img src="a.png" alt="-{头发}-">', '<img src="a.png" alt="头发">'],
    [
      'a link showing its own address is not converted, a link with words is',
      '<p><a href="https://example.com/%E5%8F%91%E5%B1%95?q=%E5%A4%B4%E5%8F%91">https://example.com/发展?q=头发</a>' +
        '<a href="mailto:fa@example.com">fa@example.com</a><a href="https://example.com/">头发</a><a href="/头发">/头发</a></p>',
      '<p><a href="https://example.com/%E5%8F%91%E5%B1%95?q=%E5%A4%B4%E5%8F%91">https://example.com/发展?q=头发</a>' +
        '<a href="mailto:fa@example.com">fa@example.com</a><a href="https://example.com/">頭髮</a><a href="/头发">/頭髮</a></p>',
    ],
    ['kept text that has no wrong-script character is not wrapped', '<p>-{一起惠}-的头发</p>', '<p>一起惠的頭髮</p>'],
    [
      'kept text with simplified-only characters is wrapped on a zh-Hant page',
      '<p>-{头<b>发</b>}-很长</p>',
      `<p>${KEPT_HANS('头')}<b>${KEPT_HANS('发')}</b>很長</p>`,
    ],
    ['a choice drops the other text with its markup', '<p>-{zh-hans:<b>信息</b>;zh-hant:資訊}-安全</p>', '<p>資訊安全</p>'],
    ['a choice keeps the markup of the chosen text', '<p>-{zh-hans:信息;zh-hant:<b>資訊</b>}-安全</p>', '<p><b>資訊</b>安全</p>'],
    ['elements that were empty to begin with stay', '<p><i class="icon"></i>头发</p>', '<p><i class="icon"></i>頭髮</p>'],
    ['a glossary term kept in simplified is wrapped', '<p>天猫双十一</p>', `<p>${KEPT_HANS('天猫')}雙十一</p>`],
    // A term of another length split across tags is shared out in proportion: nothing lost or
    // reordered, the tag boundary moves (用<b>脸</b>书 → 用<b>Face</b>book).
    ['a term that changes length across tags falls back safely', '<p>用<b>脸</b>书登录</p>', '<p>用<b>Face</b>book登錄</p>'],
    ['the fallback never splits a surrogate pair', '<p><b>甲</b>乙</p>', '<p><b>x𠀀</b></p>'],
  ])('%s', (_why, source, expected) => {
    expect(converter.html(source, H, T)).toBe(expected);
  });

  it('resolves markers when from === to, wrapping kept text of the other script', () => {
    expect(converter.html('<p>-{zh-hans:信息;zh-hant:資訊}-和-{發}-</p>', H, H)).toBe(
      '<p>信息和<span translate="no" lang="zh-Hant">發</span></p>',
    );
  });

  it('returns the same string when from === to and there are no markers', () => {
    const html = '<p class=x>头发 &amp; 显著</p>';
    expect(converter.html(html, H, H)).toBe(html);
  });

  it('fixes a stray traditional character in a simplified page, outside code and protected text', () => {
    expect(converter.html('<p>大約<code>約</code>-{約}-</p>', H, H)).toBe(
      '<p>大约<code>約</code><span translate="no" lang="zh-Hant">約</span></p>',
    );
  });

  it('converts zh-Hant articles for the zh-Hans site', () => {
    expect(converter.html('<p>他的頭<b>髮</b>很長</p>', T, H)).toBe('<p>他的头<b>发</b>很长</p>');
  });

  it('converts a whole page: <title> and meta descriptions, not links', () => {
    const page =
      '<!doctype html><html lang="zh-Hant"><head><title>头发</title>' +
      '<meta name="description" content="头发"><meta property="og:title" content="头发">' +
      '<meta name="generator" content="头发"><link rel="stylesheet" href="/头发.css"></head>' +
      '<body><p>头发</p></body></html>';
    expect(converter.html(page, H, T)).toBe(
      '<!doctype html><html lang="zh-Hant"><head><title>頭髮</title>' +
        '<meta name="description" content="頭髮"><meta property="og:title" content="頭髮">' +
        '<meta name="generator" content="头发"><link rel="stylesheet" href="/头发.css"></head>' +
        '<body><p>頭髮</p></body></html>',
    );
  });

  it("applies an article's extra rules over the site glossary", () => {
    const extra = [
      { hans: '天猫', hant: '天貓' },
      { hans: '姓范', hant: '姓范' },
    ];
    expect(converter.html('<p>天猫的老板姓范</p>', H, T, extra)).toBe('<p>天貓的老闆姓范</p>');
    expect(converter.html('<p>天猫的老板姓范</p>', H, T)).toBe(`<p>${KEPT_HANS('天猫')}的老闆姓範</p>`);
  });
});
