/**
 * What an import changes in content/: which articles to create, which existing ones gain channels,
 * views or copies, and which are unchanged. Pure: the caller reads the store and writes the plan.
 */
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { parseArchiveDate } from '../../../src/lib/dates.ts';
import { CandidateIndex } from './candidate-index.ts';
import type { Copy } from './copy.ts';
import type { StoredArticle } from './content-store.ts';
import { clusterCopies, findExisting, mergeIntoExisting, mergedMeta, replacesTraditional, type Existing } from './merge.ts';
import { comparableText } from './similarity.ts';
import { articleSlug } from './slug.ts';

/** Machine-written front-matter field: `legacy: { copies: [sha256 of each imported copy], mangled?: true }`. */
export const LEGACY_KEY = 'legacy';

export interface ArticleWrite {
  /** Relative to the content directory. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export interface MergeNote {
  slug: string;
  into: 'new' | 'existing';
  origins: string[];
  channels: string[];
  views: number;
}

export interface Plan {
  writes: ArticleWrite[];
  created: string[];
  merged: string[];
  unchanged: string[];
  /** Articles imported from a traditional copy whose text the simplified original replaced. */
  replaced: string[];
  merges: MergeNote[];
  mangled: { slug: string; origin: string; runs: string[] }[];
  problems: ContentProblem[];
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
const channelField = (channels: string[]) => (channels.length === 1 ? channels[0]! : channels);
const legacyOf = (data: Record<string, unknown>) => (data[LEGACY_KEY] ?? {}) as { copies?: unknown; mangled?: unknown };

function toExisting(article: StoredArticle): Existing {
  const date = parseArchiveDate(String(article.data.date ?? ''));
  return {
    slug: article.slug,
    channels: asList(article.data.channel),
    views: typeof article.data.views === 'number' ? article.data.views : 0,
    hashes: asList(legacyOf(article.data).copies),
    comparable: comparableText(article.body),
    epochMs: 'error' in date ? undefined : date.epochMs,
  };
}

export function planImport(copies: readonly Copy[], stored: readonly StoredArticle[], takenSlugs: ReadonlySet<string>): Plan {
  const plan: Plan = { writes: [], created: [], merged: [], unchanged: [], replaced: [], merges: [], mangled: [], problems: [] };
  const existing = new Map(
    stored.map((a) => [
      a.slug,
      { article: a, state: toExisting(a), matched: false, touched: false, original: undefined as Copy | undefined },
    ]),
  );
  const byHash = new Map<string, Existing>();
  const index = new CandidateIndex<Existing>();
  for (const { state } of existing.values()) {
    for (const hash of state.hashes) byHash.set(hash, state);
    index.add(state, state.comparable, state.epochMs ?? Number.NaN);
  }
  const taken = new Set(takenSlugs);
  const clusters = clusterCopies(copies).sort((a, b) => a[0]!.hash.localeCompare(b[0]!.hash));

  for (const cluster of clusters) {
    const kept = cluster[0]!;
    const meta = mergedMeta(cluster);
    const origins = cluster.map((c) => c.origin);
    const match = findExisting(cluster, byHash, index);
    if (match) {
      const entry = existing.get(match.slug)!;
      entry.matched = true;
      const merged = mergeIntoExisting(match, meta);
      const changed =
        merged.views !== match.views || merged.channels.length !== match.channels.length || merged.hashes.length !== match.hashes.length;
      // The old site's character-by-character traditional text gives way to the simplified original.
      if (replacesTraditional(entry.article, match.hashes, kept)) entry.original = kept;
      if (changed || entry.original) {
        Object.assign(match, merged);
        entry.touched = true;
        plan.merges.push({ slug: match.slug, into: 'existing', origins, channels: merged.channels, views: merged.views });
      }
      continue;
    }
    const slug = articleSlug(kept.title, kept.hash, (s) => taken.has(s));
    taken.add(slug);
    const data: Record<string, unknown> = {
      title: kept.title,
      date: meta.date.display,
      channel: channelField(meta.channels),
      views: meta.views,
      ...(meta.source === undefined ? {} : { source: meta.source }),
      lang: kept.lang,
      summary: kept.summary,
      [LEGACY_KEY]: { copies: meta.hashes, ...(kept.mangled.length > 0 ? { mangled: true } : {}) },
    };
    const [year, month] = meta.date.day.split('-');
    const file = `articles/${year}/${month}/${slug}.md`;
    if (!validate(data, file, origins, plan.problems)) continue;
    plan.writes.push({ file, data, body: kept.body });
    plan.created.push(slug);
    if (cluster.length > 1) plan.merges.push({ slug, into: 'new', origins, channels: meta.channels, views: meta.views });
    if (kept.mangled.length > 0) plan.mangled.push({ slug, origin: kept.origin, runs: kept.mangled });
  }

  for (const { article, state, matched, touched, original } of existing.values()) {
    if (!touched) {
      if (matched) plan.unchanged.push(article.slug);
      continue;
    }
    const data = {
      ...article.data,
      ...(original ? { title: original.title, lang: original.lang, summary: original.summary } : {}),
      channel: channelField(state.channels),
      views: state.views,
      [LEGACY_KEY]: { ...legacyOf(article.data), copies: state.hashes },
    };
    if (original && original.mangled.length === 0) delete (data[LEGACY_KEY] as { mangled?: true }).mangled;
    if (!validate(data, article.file, [], plan.problems)) continue;
    plan.writes.push({ file: article.file, data, body: original ? original.body : article.body });
    if (original) plan.replaced.push(article.slug);
    plan.merged.push(article.slug);
  }
  return plan;
}

function validate(data: Record<string, unknown>, file: string, origins: string[], problems: ContentProblem[]): boolean {
  const result = articleSchema.safeParse(data);
  if (result.success) return true;
  for (const issue of result.error.issues) {
    problems.push({
      file: origins[0] ?? file,
      field: issue.path.join('.'),
      message: `${issue.message}; ${file} was not written`,
    });
  }
  return false;
}
