/**
 * Relevance over the real archive plus a generated corpus, on both variants: every query's results
 * are compared with the articles that contain it (relevance-fixture.ts), and the micro-averaged
 * precision and recall must stay above the floors below. The search runs in Node with the same
 * engine module and Pagefind bundle the browser uses (served over loopback HTTP).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../src/scripts/search/engine.ts';
import { serveDist } from '../helpers/static-server.ts';
import { articleTexts, articleUrls, buildRelevanceSite, expectedUrls } from './relevance-fixture.ts';

/** 44 queries: archive topics, traditional spellings, Latin words and digits, several parts. */
export const QUERIES = [
  '发货', '淘宝', '微信支付', '拼多多', '社交电商', '小程序', '天猫', '京东', '供应链', '蘑菇街',
  '直播', '会员', '私域流量', '优惠券', '刷单', '保证金', '开店', '社群', '生鲜', '投诉',
  '發貨', '淘寶', '社交電商', '供應鏈', '會員', '優惠券', '直播電商', '退貨率',
  'SKU', 'App', '618', 'GMV', 'SaaS', '618大促', 'AI', '2019年',
  '淘宝 发货', '微信 小程序', '拼多多 社交', '记者发现货车', '延迟发货', '现货', '货车', '发布会',
];

/**
 * Floors, set below the measured figures (BENCHMARKS.md) with room for a new article to shift a
 * query or two, and high enough that losing exact-substring matching (precision falls to ~0.6 with
 * Pagefind's own segmentation) or the script folding (recall on traditional queries falls to 0)
 * fails the test.
 */
const FLOOR = { precision: 0.95, recall: 0.9 };
const GENERATED = 300;

let dist: string;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  dist = await buildRelevanceSite(GENERATED);
  server = await serveDist(dist);
});
afterAll(() => server?.close());

const importFrom = (root: string) => (url: string) => import(path.join(root, new URL(url).pathname));

export async function measure(engine: Engine, texts: Map<string, string>, queries: string[]) {
  let relevant = 0, returned = 0, correct = 0;
  const misses: string[] = [];
  for (const query of queries) {
    const expected = expectedUrls(texts, query);
    const hits = await engine.search(query);
    const got = new Set((await hits.load(0, hits.total)).map((r) => r.url));
    const right = [...got].filter((u) => expected.has(u)).length;
    relevant += expected.size;
    returned += got.size;
    correct += right;
    if (right !== got.size || right !== expected.size) misses.push(`${query}: expected ${expected.size}, got ${got.size}, right ${right}`);
  }
  return { precision: returned ? correct / returned : 1, recall: relevant ? correct / relevant : 1, relevant, returned, correct, misses };
}

describe.each([
  ['zh-Hans', ''],
  ['zh-Hant', 'zh-hant'],
])('relevance on %s', (lang, folder) => {
  it(`stays above precision ${FLOOR.precision} and recall ${FLOOR.recall} over ${QUERIES.length} queries`, async () => {
    const urls = await articleUrls(dist, folder);
    expect(urls.length).toBeGreaterThan(GENERATED);
    const texts = await articleTexts(dist, folder, urls);
    const engine = await openEngine(`${server.url}/${folder ? `${folder}/` : ''}pagefind/`, importFrom(dist));
    const result = await measure(engine, texts, QUERIES);
    await mkdir(path.resolve('test-results'), { recursive: true });
    await writeFile(path.resolve(`test-results/search-relevance-${lang}.json`), JSON.stringify({ queries: QUERIES.length, articles: urls.length, ...result }, null, 2));
    expect(result.relevant).toBeGreaterThan(QUERIES.length * 10);
    expect(result.precision, result.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(result.recall, result.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR.recall);
  });
});
