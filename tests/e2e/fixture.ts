/** The content the browser tests read: enough articles for a 9-page channel, in both scripts. */
import type { FixtureContent, FixtureArticle } from '../helpers/content-fixture.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const SENTENCES = [
  '淘宝卖家延迟发货，消费者可以发起投诉。',
  '天猫规定付款后四十八小时内发货。',
  '社群运营需要长期坚持，循序渐进。',
  '拼多多联合多个老字号品牌推出新品。',
  '京东发布了新的商家评选规则。',
];

export const E2E_CONTENT: FixtureContent = {
  channels: [
    { slug: 'jingying', name: '经营', description: '电商经营之道。' },
    { slug: 'shequn', name: '社群' },
  ],
  merchants: [
    { name: '京东商城', rebate: '56%' },
    { name: '苏宁易购', rebate: '5.6%' },
  ],
  articles: [
    ...Array.from({ length: 165 }, (_, i): FixtureArticle => {
      const day = new Date(Date.UTC(2019, 4, 14) - i * 86_400_000);
      return {
        slug: `jingying-${String(i).padStart(3, '0')}`,
        title: `经营第${i + 1}篇：${SENTENCES[i % SENTENCES.length]!.slice(0, 10)}`,
        date: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} 09:${pad(i % 60)}:00`,
        channel: i % 10 === 0 ? ['jingying', 'shequn'] : 'jingying',
        views: 100 + ((i * 37) % 500),
        source: i % 3 === 0 ? '一起惠' : undefined,
        body: `${SENTENCES[i % SENTENCES.length]}${SENTENCES[(i + 1) % SENTENCES.length]}\n\n## 小标题\n\n${SENTENCES[(i + 2) % SENTENCES.length]}`,
      };
    }),
    {
      slug: 'fanti-wenzhang',
      title: '網購退款後的頭髮產品',
      date: '2019-05-15 10:00:00',
      channel: 'shequn',
      lang: 'zh-Hant',
      views: 321,
      body: [
        '買家在網上購買了頭髮護理產品，收到後發現問題，於是申請退款。',
        '',
        // Wider than a phone: eight columns, a whole address in one.
        '| 平臺 | 傭金 | 返利 | 說明 | 備註 | 鏈接 | 日期 | 銷量 |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 京東商城 | 百分之五十六 | 5.6% | 退款需要七個工作日 | 無 | https://example.com/item.htm?id=5678901234567890&spm=a220o.1000855 | 2019-05-14 | 123456789 |',
      ].join('\n'),
    },
  ],
};
