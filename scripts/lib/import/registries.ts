/**
 * The channel and merchant registries (content/channels.yaml, content/merchants.yaml), edited as
 * YAML documents so a writer's comments, entries and order survive: new entries are appended.
 */
import { Document, parseDocument, isSeq } from 'yaml';
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import { channelRegistrySchema, merchantsSchema, type Channel, type Merchant } from '../../../src/lib/content/schema.ts';
import { toSimplified } from '../../../src/lib/convert/opencc.ts';
import { channelSlug } from './slug.ts';

type Loaded<T> = { doc: Document; items: T[] } | { problem: ContentProblem };

function load<T>(text: string | undefined, file: string, schema: typeof channelRegistrySchema | typeof merchantsSchema): Loaded<T> {
  const doc: Document = text?.trim() ? parseDocument(text, { schema: 'core' }) : new Document([], { schema: 'core' });
  if (doc.errors.length > 0)
    return { problem: { file, message: `is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it, then import again` } };
  const parsed = schema.safeParse(doc.toJS() ?? []);
  if (!parsed.success || !isSeq(doc.contents)) {
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    return {
      problem: { file, field: issue?.path.join('.'), message: `${issue?.message ?? 'expected a list'}; fix it, then import again` },
    };
  }
  return { doc, items: parsed.data as T[] };
}

export class ChannelRegistry {
  readonly added: Channel[] = [];
  private constructor(
    private readonly doc: Document,
    private readonly channels: Channel[],
  ) {}

  static load(text: string | undefined, file: string): ChannelRegistry | { problem: ContentProblem } {
    const loaded = load<Channel>(text, file, channelRegistrySchema);
    return 'problem' in loaded ? loaded : new ChannelRegistry(loaded.doc, loaded.items);
  }

  has(slug: string): boolean {
    return this.channels.some((c) => c.slug === slug);
  }

  /** The channel named `name` (either script), added under its pinyin slug when new. */
  resolve(name: string): Channel {
    const simplified = toSimplified(name.trim());
    const known = this.channels.find((c) => toSimplified(c.name) === simplified);
    if (known) return known;
    const base = channelSlug(simplified);
    let slug = base;
    for (let n = 2; this.has(slug); n++) slug = `${base}-${n}`;
    const channel = { slug, name: simplified };
    this.channels.push(channel);
    this.added.push(channel);
    this.doc.add(this.doc.createNode(channel));
    return channel;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0 });
  }
}

export class MerchantRegistry {
  readonly added: Merchant[] = [];
  readonly updated: { name: string; from: string; to: string }[] = [];
  private constructor(
    private readonly doc: Document,
    private readonly merchants: Merchant[],
  ) {}

  static load(text: string | undefined, file: string): MerchantRegistry | { problem: ContentProblem } {
    const loaded = load<Merchant>(text, file, merchantsSchema);
    return 'problem' in loaded ? loaded : new MerchantRegistry(loaded.doc, loaded.items);
  }

  /** Keeps the order of first appearance; a later page's rebate replaces the recorded one. */
  merge(merchant: Merchant): void {
    const index = this.merchants.findIndex((m) => m.name === merchant.name);
    if (index === -1) {
      this.merchants.push(merchant);
      this.added.push(merchant);
      this.doc.add(this.doc.createNode(merchant));
      return;
    }
    const known = this.merchants[index]!;
    if (known.rebate === merchant.rebate) return;
    this.updated.push({ name: merchant.name, from: known.rebate, to: merchant.rebate });
    known.rebate = merchant.rebate;
    this.doc.setIn([index, 'rebate'], merchant.rebate);
  }

  get changed(): boolean {
    return this.added.length > 0 || this.updated.length > 0;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0 });
  }
}
