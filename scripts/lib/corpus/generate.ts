/**
 * A generated archive of any size from real text: bodies of real paragraphs with the real
 * archive's spread of lengths, ~10% written in traditional script, the real channels plus a few
 * more, some articles in two channels. Article i depends only on the seed and i, so a corpus of
 * N+1 articles is the corpus of N plus one article (the benchmark's "one article added").
 */
import { pinyin } from 'pinyin-pro';
import type { Channel } from '../../../src/lib/content/schema.ts';
import { itemRandom, type Random } from './random.ts';
import type { TextSample } from './real-text.ts';

/** Channels the generator adds to the real ones: slugs are their names' pinyin. */
const EXTRA_CHANNEL_NAMES = ['物流', '跨境', '直播', '支付', '零售', '生鲜'];
export const TRADITIONAL_SHARE = 0.1;
export const TWO_CHANNEL_SHARE = 0.08;
const FIRST_DAY = Date.UTC(2012, 0, 1);
const DAYS = 8 * 365;

export interface GeneratedArticle {
  slug: string;
  title: string;
  /** `yyyy-mm-dd hh:mm:ss`, Beijing time. */
  date: string;
  channel: string | string[];
  views: number;
  source?: string;
  lang: 'zh-Hans' | 'zh-Hant';
  body: string;
}

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** Simplified → traditional, for the traditional share. */
  toTraditional: (text: string) => string;
}

export const pinyinSlug = (text: string) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function generatedChannels(real: Channel[]): Channel[] {
  const extra = EXTRA_CHANNEL_NAMES.map((name) => ({
    slug: pinyinSlug(name).replace(/-/g, ''),
    name,
    description: `${name}相关的电商资讯。`,
  }));
  const taken = new Set(real.map((c) => c.slug));
  return [...real, ...extra.filter((c) => !taken.has(c.slug))];
}

export function generateArticle(sample: TextSample, channels: Channel[], options: CorpusOptions, index: number): GeneratedArticle {
  const random = itemRandom(options.seed, index);
  const traditional = random.chance(TRADITIONAL_SHARE);
  const write = traditional ? options.toTraditional : (text: string) => text;
  const title = titleFrom(random.pick(sample.titles), random);
  const home = weightedChannel(channels, random);
  const second = random.chance(TWO_CHANNEL_SHARE) ? random.pick(channels.filter((c) => c !== home)) : undefined;
  const source = sample.sources.length && random.chance(0.5) ? random.pick(sample.sources) : undefined;
  return {
    // The index keeps slugs unique; the pinyin prefix keeps them like the importer's.
    slug: `${pinyinSlug(title.slice(0, 6)).slice(0, 40) || 'wen'}-${index.toString(36).padStart(4, '0')}`,
    title: write(title),
    date: beijingDate(FIRST_DAY + random.next() * DAYS * 86_400_000),
    channel: second ? [home.slug, second.slug] : home.slug,
    views: Math.floor(random.next() ** 3 * 5000),
    ...(source === undefined ? {} : { source }),
    lang: traditional ? 'zh-Hant' : 'zh-Hans',
    body: write(bodyFrom(sample, random)),
  };
}

export function generateArticles(sample: TextSample, channels: Channel[], options: CorpusOptions): GeneratedArticle[] {
  return Array.from({ length: options.articles }, (_, i) => generateArticle(sample, channels, options, i));
}

/** The real archive's first channels get most articles, as 经营 did. */
function weightedChannel(channels: Channel[], random: Random): Channel {
  const weights = channels.map((_, i) => 1 / (i + 1));
  let r = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < channels.length; i++) {
    r -= weights[i]!;
    if (r < 0) return channels[i]!;
  }
  return channels.at(-1)!;
}

/** A real title, cut at a clause, with a varied ending so titles differ. */
function titleFrom(real: string, random: Random): string {
  const clauses = real.split(/[，,：:；;。！？!?]/).filter((c) => c.trim().length >= 4);
  const head = (clauses.length ? random.pick(clauses) : real).trim().slice(0, 24);
  return `${head}（${random.int(900) + 100}）`;
}

/** Real paragraphs in a random order up to a length drawn from the real articles' lengths. */
function bodyFrom(sample: TextSample, random: Random): string {
  const target = Math.max(200, Math.round(random.pick(sample.lengths) * (0.8 + random.next() * 0.45)));
  const parts = [random.pick(sample.openings)];
  let length = [...parts[0]!].length;
  // Consecutive paragraphs from a random start read like an article; wrap around the pool.
  for (
    let i = random.int(sample.paragraphs.length);
    length < target;
    i = (i + 1 + (random.chance(0.3) ? random.int(20) : 0)) % sample.paragraphs.length
  ) {
    const paragraph = sample.paragraphs[i]!;
    parts.push(paragraph);
    length += [...paragraph].length;
  }
  return parts.join('\n\n');
}

function beijingDate(utcMs: number): string {
  const d = new Date(utcMs + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
