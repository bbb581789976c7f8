import { describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { SITE_URL } from '../../../src/consts.ts';
import { renderMarkdown } from '../../../src/lib/markdown/index.ts';

const html = (markdown: string) => renderMarkdown(markdown).html;

/** One test a row: [what it shows, Markdown, the HTML expected]. */
const rendersAs = (cases: [string, string, string][]) =>
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(html(markdown)).toBe(expected);
  });

/** Text content of the rendered HTML as a browser would read it (markup and entities gone). */
function textContent(rendered: string): string {
  const walk = (node: DefaultTreeAdapterTypes.Node): string =>
    'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(walk).join('') : '';
  return walk(parse(rendered));
}

function elementsOf(rendered: string): DefaultTreeAdapterTypes.Element[] {
  const out: DefaultTreeAdapterTypes.Element[] = [];
  const walk = (node: DefaultTreeAdapterTypes.Node): void => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(rendered));
  return out;
}

describe('protection markers -{…}- pass through untouched', () => {
  rendersAs([
    ['plain', '正文 -{文字}- 结尾', '<p>正文 -{文字}- 结尾</p>'],
    ['variant form with ; and :', '-{zh-hans:信息;zh-hant:資訊}-', '<p>-{zh-hans:信息;zh-hant:資訊}-</p>'],
    ['next to GFM strikethrough', '~~删除~~ -{文字}-', '<p><del>删除</del> -{文字}-</p>'],
    ['inside GFM strikethrough', '~~-{文字}-~~', '<p><del>-{文字}-</del></p>'],
    ['between single tildes', '~-{文字}-~', '<p>~-{文字}-~</p>'],
    ['around strong', '-{**粗体**}-', '<p>-{<strong>粗体</strong>}-</p>'],
    ['around emphasis with underscores', '-{_斜体_}-', '<p>-{<em>斜体</em>}-</p>'],
    ['around a bare URL', '-{https://a.cn/x}-', '<p>-{<a href="https://a.cn/x" rel="noopener noreferrer">https://a.cn/x</a>}-</p>'],
    ['in link text', '[-{苹果}-](/a/)', '<p><a href="/a/">-{苹果}-</a></p>'],
    ['in image alt', '![-{苹果}-](/a.png)', '<p><img src="/a.png" alt="-{苹果}-" loading="lazy" decoding="async"></p>'],
    ['at line start (no list item)', '-{文字}-开头', '<p>-{文字}-开头</p>'],
    ['in a list item', '- -{文字}-', '<ul>\n<li>-{文字}-</li>\n</ul>'],
    ['in a heading', '## -{文字}-', '<h2>-{文字}-</h2>'],
    ['in raw HTML', '<p>-{文字}-</p>', '<p>-{文字}-</p>'],
  ]);

  it.each([
    '-{A}- ~~-{B}-~~ **-{C}-** -{zh-hans:信息;zh-hant:資訊}- [-{D}-](https://a.cn/) `-{E}-`',
    '| -{甲}- | -{zh-hans:乙;zh-hant:乙}- |\n| - | - |\n| -{丙}- | ~~-{丁}-~~ |',
  ])('survive in the text a reader sees: %s', (markdown) => {
    const markers = markdown.match(/-\{.*?\}-/g) ?? [];
    expect(markers.length).toBeGreaterThan(1);
    const { html: rendered, text } = renderMarkdown(markdown);
    for (const marker of markers) {
      expect(textContent(rendered)).toContain(marker);
      expect(text).toContain(marker);
    }
  });
});

describe('GFM', () => {
  rendersAs([
    [
      'a single tilde is a range, not a deletion (legacy text)',
      '天虹可向门店周围3~5公里的顾客发放优惠券,占到5%~30%',
      '<p>天虹可向门店周围3~5公里的顾客发放优惠券,占到5%~30%</p>',
    ],
    ['double tildes delete', '~~原价~~', '<p><del>原价</del></p>'],
    // CommonMark alone leaves these marks on the page: punctuation inside them meets a Han character outside.
    ['bold ending in Chinese punctuation', '**注意：**卖家要发货', '<p><strong>注意：</strong>卖家要发货</p>'],
    ['bold starting with a quotation mark', '这是**“淘宝”**规则', '<p>这是<strong>“淘宝”</strong>规则</p>'],
    ['emphasis ending in a comma', '*其次，*再看', '<p><em>其次，</em>再看</p>'],
    ['a deletion ending in a full stop', '~~原价九十九元。~~现价', '<p><del>原价九十九元。</del>现价</p>'],
    ['an asterisk between words stays one', '利润=数量*动销率', '<p>利润=数量*动销率</p>'],
    [
      'tables with alignment',
      '| 商家 | 返利 |\n| :- | -: |\n| 京东 | 56% |',
      '<table>\n<thead>\n<tr>\n<th align="left">商家</th>\n<th align="right">返利</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">京东</td>\n<td align="right">56%</td>\n</tr>\n</tbody>\n</table>',
    ],
    [
      'bare URL ends at Chinese punctuation',
      '访问https://www.jd.com/，购买',
      '<p>访问<a href="https://www.jd.com/" rel="noopener noreferrer">https://www.jd.com/</a>，购买</p>',
    ],
    [
      'bare www URL ends at Chinese text',
      '登录 www.jd.com购买',
      '<p>登录 <a href="http://www.jd.com" rel="noopener noreferrer">www.jd.com</a>购买</p>',
    ],
    [
      'bare URL loses trailing ASCII punctuation before Chinese',
      '见 https://a.cn/x.html,然后',
      '<p>见 <a href="https://a.cn/x.html" rel="noopener noreferrer">https://a.cn/x.html</a>,然后</p>',
    ],
    [
      'a written autolink keeps Chinese in its path',
      '<https://zh.wikipedia.org/wiki/电子商务>',
      '<p><a href="https://zh.wikipedia.org/wiki/%E7%94%B5%E5%AD%90%E5%95%86%E5%8A%A1" rel="noopener noreferrer">https://zh.wikipedia.org/wiki/电子商务</a></p>',
    ],
  ]);
});

describe('headings: the page title is the only <h1>', () => {
  const levels = (markdown: string) =>
    elementsOf(html(markdown))
      .map((e) => e.tagName)
      .filter((t) => /^h\d$/.test(t));
  it.each([
    ['# moves to h2, the rest follows', '# 一\n\n## 二\n\n### 三', ['h2', 'h3', 'h4']],
    ['a body starting at ## stays', '## 二\n\n### 三', ['h2', 'h3']],
    ['a body starting at ### moves up to h2', '### 三\n\n#### 四', ['h2', 'h3']],
    ['h6 cannot go deeper', '# 一\n\n###### 六', ['h2', 'h6']],
    ['raw HTML headings count too', '<h1>一</h1>\n\n## 二', ['h2', 'h3']],
    ['setext headings count too', '一\n===\n\n二\n---', ['h2', 'h3']],
    ['no headings, nothing to do', '正文', []],
  ])('%s', (_name, markdown, expected) => {
    expect(levels(markdown)).toEqual(expected);
  });

  it('leaves the footnotes label alone', () => {
    const tree = elementsOf(html('### 小节\n\n正文[^1]\n\n[^1]: 出处'));
    expect(tree.filter((e) => /^h\d$/.test(e.tagName)).map((e) => e.tagName)).toEqual(['h2', 'h2']);
  });
});

describe('links', () => {
  const own = new URL('/jingying/', SITE_URL).href;
  rendersAs([
    ['another host gets rel', '[京东](https://www.jd.com/)', '<p><a href="https://www.jd.com/" rel="noopener noreferrer">京东</a></p>'],
    ['root-relative is internal', '[经营](/jingying/)', '<p><a href="/jingying/">经营</a></p>'],
    ['relative is internal', '[上篇](../a/)', '<p><a href="../a/">上篇</a></p>'],
    ['our own origin is internal', `[经营](${own})`, `<p><a href="${own}">经营</a></p>`],
    ['protocol-relative is another host', '[外站](//evil.example/)', '<p><a href="//evil.example/" rel="noopener noreferrer">外站</a></p>'],
    ['mailto gets no rel', '[来信](mailto:a@b.cn)', '<p><a href="mailto:a@b.cn">来信</a></p>'],
    [
      'raw target and rel are replaced',
      '<a href="https://jd.com" target="_blank" rel="opener">京东</a>',
      '<p><a href="https://jd.com" rel="noopener noreferrer">京东</a></p>',
    ],
    [
      'in-page links follow the id prefix',
      '<a href="#top">顶部</a> <span id="top">这里</span>',
      '<p><a href="#user-content-top">顶部</a> <span id="user-content-top">这里</span></p>',
    ],
    ['javascript: loses its href', '[点我](javascript:alert(1))', '<p><a>点我</a></p>'],
  ]);

  it('footnote calls and back links point at ids that exist', () => {
    const elements = elementsOf(html('正文[^a]，又一处[^b]。\n\n[^a]: 甲\n[^b]: 乙'));
    const ids = new Set(elements.flatMap((e) => e.attrs.filter((a) => a.name === 'id').map((a) => a.value)));
    const targets = elements.flatMap((e) =>
      e.attrs.filter((a) => a.name === 'href' && a.value.startsWith('#')).map((a) => a.value.slice(1)),
    );
    expect(targets.length).toBe(4);
    for (const target of targets) expect(ids).toContain(target);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
  });
});

describe('images', () => {
  rendersAs([
    [
      'http(s) source',
      '![商品图](https://img.example/a.jpg "标题")',
      '<p><img src="https://img.example/a.jpg" alt="商品图" title="标题" loading="lazy" decoding="async"></p>',
    ],
    ['relative source', '![](./a.png)', '<p><img src="./a.png" alt="" loading="lazy" decoding="async"></p>'],
    [
      'raw img (an HTML block) keeps size, loses style and handlers',
      '<img src="/a.png" alt="图" width="10" style="float:left" onerror="x()">',
      '<img src="/a.png" alt="图" width="10" loading="lazy" decoding="async">',
    ],
    ['javascript: source removes the image', '前<img src="javascript:alert(1)" alt="x">后', '<p>前后</p>'],
    ['data: source removes the image', '![x](data:image/png;base64,AAAA)', '<p></p>'],
  ]);
});

describe('imported raw HTML', () => {
  rendersAs([
    ['style and class go, text stays', '<p style="color:red" class="x">文字</p>', '<p>文字</p>'],
    [
      'ids and names are prefixed against clobbering',
      '<p><a name="x" id="y">锚</a></p>',
      '<p><a name="user-content-x" id="user-content-y">锚</a></p>',
    ],
    ['forms are unwrapped, controls dropped', '<form action="/s"><input name="q"><button>提交</button>搜索</form>', '搜索'],
    ['embeds go with their fallback', '<iframe src="https://v.qq.com/x">视频</iframe><object data="x.swf">插件</object>', ''],
    ['script and style go with their content', '<div>甲<script>alert(1)</script><style>p{}</style>乙</div>', '<div>甲乙</div>'],
    ['unknown presentational tags are unwrapped', '<center><font color="red">通知</font></center>', '通知'],
  ]);
});

describe('text', () => {
  it.each([
    [
      'block texts one a line, inline markup gone',
      '# 标题\n\n第一段**重点**。\n\n- 甲\n- 乙\n\n> 引用',
      '标题\n第一段重点。\n甲\n乙\n引用',
    ],
    ['removed content leaves no text', '<script>alert(1)</script>\n\n正文', '正文'],
    ['raw HTML blocks are blocks', '<div>甲</div><p>乙</p>丙', '甲\n乙\n丙'],
    ['line breaks inside a paragraph stay', '第一行  \n第二行', '第一行\n第二行'],
    ['empty body', '', ''],
    [
      'code blocks are not text to summarise; inline code is',
      '看这个：\n\n```js\nconst 鸵鸟 = 1;\n```\n\n运行 `npm test` 吧。',
      '看这个：\n运行 npm test 吧。',
    ],
    ['a body of pictures only: what they show', '![独角兽图片说明](/a.png)\n\n![第二张](/b.png)', '独角兽图片说明\n第二张'],
    ['pictures with words: the words', '![图](/a.png)\n\n正文', '正文'],
    ['pictures without alt and no words: nothing', '![](/a.png)', ''],
  ])('%s', (_name, markdown, expected) => {
    expect(renderMarkdown(markdown).text).toBe(expected);
  });
});
