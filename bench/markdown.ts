/**
 * How long renderMarkdown takes on a typical body: 1,000 renders of a ~2,000-character article
 * with headings, links, an image, a list, a table, markers and imported raw HTML. A figure for
 * reports, not a test (timings vary by machine). Run: npx tsx bench/markdown.ts
 */
import { performance } from 'node:perf_hooks';
import { renderMarkdown } from '../src/lib/markdown/index.ts';

const PARAGRAPH =
  '在移动互联网时代，社群经济成为热点，圈子你我通过二维码链接品牌商、消费者用户、销售代理、分拣物流、售后服务、' +
  '信息反馈各个核心环节，让品牌商更自主地做好品牌终端形象的运营管理，构建品牌与消费者沟通与体验的平台。';

const ARTICLE = [
  '# 社群电商运营案例',
  PARAGRAPH,
  `据-{zh-hans:信息;zh-hant:資訊}-显示，天虹可向门店周围3~5公里的顾客发放优惠券，详见[京东](https://www.jd.com/)与[本站](/jingying/)。`,
  '## 一体化解决方案',
  PARAGRAPH,
  '![活动海报](https://img.example/poster.jpg "海报")',
  '- 品牌商：自主营销\n- 消费者：**优惠**返利\n- 代理：~~旧模式~~新模式',
  '| 商家 | 返利 |\n| :- | -: |\n| 京东商城 | 56% |\n| 天猫 | 30% |',
  '<div style="text-align:center"><p class="x">导入页面的<font color="red">原始</font>HTML，访问https://www.17hui.cn/，了解更多</p></div>',
  PARAGRAPH,
  PARAGRAPH,
  '### 小结',
  PARAGRAPH,
  PARAGRAPH,
  `> ${PARAGRAPH}`,
  PARAGRAPH,
  '## 延伸阅读',
  PARAGRAPH,
  PARAGRAPH,
  PARAGRAPH,
  PARAGRAPH,
  PARAGRAPH,
  PARAGRAPH,
  PARAGRAPH,
].join('\n\n');

const RUNS = 1_000;
for (let i = 0; i < 50; i++) renderMarkdown(ARTICLE); // let the JIT settle
const start = performance.now();
for (let i = 0; i < RUNS; i++) renderMarkdown(ARTICLE);
const ms = performance.now() - start;
console.log(`${RUNS} renders of a ${ARTICLE.length}-character article: ${ms.toFixed(0)} ms (${(ms / RUNS).toFixed(2)} ms each)`);
