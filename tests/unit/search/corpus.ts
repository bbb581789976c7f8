/**
 * A generated archive for the relevance test and the benchmark: e-commerce news sentences mixed
 * at random (seeded, so every run is the same), with the traps exact-substring search must get
 * right: 发 and 货 apart (记者发现货车) beside 发货, Latin words and digits (SKU, App, 618), and a
 * share of articles written in traditional script.
 */
import { openccConverter } from '../../../src/lib/convert/opencc.ts';
import type { FixtureArticle } from '../../helpers/content-fixture.ts';

const SENTENCES = [
  '淘宝卖家延迟发货，消费者可以发起投诉。',
  '记者发现货车停在仓库门口，司机正在装车。',
  '天猫规定付款后四十八小时内发货，否则需要赔付。',
  '拼多多联合老字号品牌推出新品，主打社交电商。',
  '京东物流在618大促期间增加了临时仓库。',
  '商家把热销SKU集中备货，减少缺货。',
  '新版App上线了直播带货功能，用户可以边看边买。',
  '微信支付与小程序打通，门店导购可以直接成交。',
  '社群运营需要长期坚持，私域流量才会慢慢沉淀。',
  '蘑菇街调整了女装类目的供应链规则。',
  '平台的GMV在双十一当天创下新高。',
  '生鲜电商的损耗率一直是行业难题。',
  '跨境电商卖家关注海关新规和退货流程。',
  '会员体系帮助品牌提升复购率。',
  '优惠券发放过多会侵蚀商家利润。',
  '快递公司在春节前后调整了发货时效。',
  '直播电商的退货率明显高于传统货架电商。',
  '一些店铺通过刷单提升排名，被平台处罚。',
  '社区团购平台在下沉市场加速扩张。',
  '品牌方开始用企业微信管理导购和顾客。',
  '发布会上，负责人介绍了新的货品管理系统。',
  '现货供应充足，下单后当天即可出库。',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A seeded random number generator (mulberry32): the same corpus on every run and machine. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusOptions {
  /** Characters per article, roughly. */
  length?: number;
  seed?: number;
  /** Extra sentences to draw from besides the traps (e.g. the real archive's, for realistic text). */
  sentences?: string[];
  /** Distinct sentences per article: few make a phrase occur in some articles and not others. */
  topics?: number;
  /** Share of sentences made of random characters drawn from the pool: unseen character pairs, as
   * a large real archive has, for realistic index size. */
  noise?: number;
}

/** Sentences of a Markdown article body (front matter and markup dropped). */
export function sentencesOf(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/[#>*_`[\]()!|-]/g, '');
  return body
    .split(/(?<=[。！？])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
}

/** `count` articles of about `length` characters, in the given channels. */
export function generateArticles(
  count: number,
  channels: string[],
  { length = 1000, seed = 1, sentences: extra = [], topics: topicCount = 5, noise = 0 }: CorpusOptions = {},
): FixtureArticle[] {
  const next = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const toHant = openccConverter('zh-Hans', 'zh-Hant');
  const pool = [...SENTENCES, ...extra];
  const chars = [...pool.join('')].filter((ch) => /\p{Script=Han}/u.test(ch));
  const noiseSentence = () => `${Array.from({ length: 8 + Math.floor(next() * 20) }, () => pick(chars)).join('')}。`;
  return Array.from({ length: count }, (_, i) => {
    const topics = Array.from({ length: topicCount }, () => pick(pool));
    const sentences: string[] = [];
    for (let size = 0; size < length; size += sentences.at(-1)!.length) sentences.push(next() < noise ? noiseSentence() : pick(topics));
    const paragraphs = [];
    for (let s = 0; s < sentences.length; s += 4) paragraphs.push(sentences.slice(s, s + 4).join(''));
    const traditional = i % 5 === 4;
    const write = (text: string) => (traditional ? toHant(text) : text);
    const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(next() * 700) * 86_400_000);
    return {
      slug: `gen-${String(i).padStart(5, '0')}`,
      title: write(`${pick(SENTENCES).slice(0, 8)}（第${i + 1}期）`),
      date: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(i % 24)}:${pad(i % 60)}:00`,
      channel: next() < 0.1 ? channels.slice(0, 2) : pick(channels),
      views: Math.floor(next() * 1000),
      lang: traditional ? 'zh-Hant' : 'zh-Hans',
      body: write(paragraphs.join('\n\n')),
    };
  });
}
