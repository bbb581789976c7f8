/**
 * The content contract: what writers put in `content/`. One zod schema per file kind; every
 * type the site uses is inferred from these, never re-declared. Error texts are written for the
 * writer who has to fix the file: they say what was expected and what was found.
 */
import { z } from 'astro/zod';
import { LANGS, RESERVED_SLUGS } from '../../consts.ts';
import { parseArchiveDate, type ArchiveDate } from '../dates.ts';
import { findMarkerProblems } from '../convert/marker-problems.ts';
import { describeControlChars, emptyIn } from './text-rules.ts';

/** How a value reads in an error message: strings quoted, the rest as YAML would show it. */
export const shown = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : String(value);

export const SLUG_CHARS = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugMessage = 'expected lower-case letters a-z, digits and single hyphens (e.g. "jingying")';
/** Longer names make unwieldy URLs and come close to some file systems' limits once a suffix is added. */
export const MAX_SLUG_LENGTH = 80;
/**
 * Above this a headline is warned about: the archive's own are at most about 30 characters, and 80 fill a
 * phone's screen (about 15 characters a line) before the article starts. A body pasted into the
 * title line is the usual cause.
 */
export const LONG_TITLE = 80;

/** For a value that is not text: empty (`title:` alone), or a number, list… */
const notText = (empty: string) => (iss: { input?: unknown }) =>
  iss.input === null ? empty : `expected text, got ${shown(iss.input)}: put it in quotes to keep it as text`;

/**
 * Every text: trimmed, not empty, and free of control characters (they are invisible and make the
 * feeds malformed XML).
 */
const plainText = (schema: z.ZodString, empty: string) => schema.trim().min(1, empty).superRefine((value, ctx) => {
  const found = describeControlChars(value);
  if (found) {
    ctx.addIssue({
      code: 'custom',
      message: `has an invisible control character (${found}): delete it; retype the text around it if it was pasted`,
    });
  }
});

/**
 * A text readers see as written (a headline, a name): besides being plain text, its `-{…}-` markers
 * must be well formed and something visible must be left on both variants' pages.
 */
const shownText = (schema: z.ZodString, what: string, empty: string) => plainText(schema, empty).superRefine((value, ctx) => {
  for (const p of findMarkerProblems(value)) ctx.addIssue({ code: 'custom', message: p.message });
  const blank = value === '' ? [] : emptyIn(value);
  if (blank.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `shows nothing on the ${blank.join(' and ')} page${blank.length > 1 ? 's' : ''} ` +
        `(only -{…}- markers, spaces or zero-width characters): write ${what} in visible text`,
    });
  }
});

const requiredText = (what: string, example?: string) => z.string({
  error: (iss) => iss.input === undefined
    ? `is required: ${what}${example ? `; add a line like ${example}` : ''}`
    : notText(`must not be empty: ${what}`)(iss),
});

/** A required text. */
const text = (what: string, example?: string) => plainText(requiredText(what, example), `must not be empty: ${what}`);

/** A required text shown as written: a headline or a name. */
const headline = (what: string, example?: string) => shownText(requiredText(what, example), what, `must not be empty: ${what}`);

/** An optional text: absent, or something to show (an empty one is a mistake, not a way to leave it out). */
const optionalText = (what: string) => {
  const empty = `must not be empty: ${what}; write it, or delete the line`;
  return shownText(z.string({ error: notText(empty) }), what, empty).optional();
};

export const slugSchema = z
  .string({ error: (iss) => `expected a slug, got ${shown(iss.input)}` })
  .regex(SLUG_CHARS, slugMessage)
  .max(MAX_SLUG_LENGTH, `is too long: a slug has at most ${MAX_SLUG_LENGTH} characters`);

/** A glossary form: it replaces the other form in the text, so it must show something (else a headline could vanish). */
const term = (what: string) =>
  text(what).superRefine((value, ctx) => {
    if (value !== '' && emptyIn(value).length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `shows nothing (only -{…}- markers, spaces or zero-width characters), so the term would vanish from the text: write ${what} in visible text`,
      });
    }
  });

/** One glossary rule: how a term is written in each script. Equal forms mean "never convert". */
export const glossaryEntrySchema = z.strictObject({
  /** The simplified form. */
  hans: term('the simplified form of the term'),
  /** The traditional form. */
  hant: term('the traditional form of the term'),
  /** Why the rule exists (a surname, a brand…): for the next writer, never shown. */
  note: z.string().optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export const glossarySchema = z.array(glossaryEntrySchema, { error: 'expected a list of {hans, hant} entries' });

const dateSchema = z.union([z.string(), z.date()], {
  error: (iss) =>
    iss.input === undefined
      ? 'is required: the publication date; add a line like "date: 2019-05-14 09:28:18" (Beijing time)'
      : `expected a date like 2019-05-14 09:28:18, got ${shown(iss.input)}`,
}).transform((value, ctx): ArchiveDate => {
  // The loader parses YAML without timestamps, so a Date only comes from callers that built one.
  const parsed = parseArchiveDate(value instanceof Date ? value.toISOString() : value);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed;
});

const channelListSchema = z
  .union([slugSchema, z.array(slugSchema).min(1, 'must name at least one channel')], {
    error: (iss) =>
      iss.input === undefined
        ? 'is required: add a line like "channel: jingying" (a slug from content/channels.yaml, or a list of them)'
        : `expected a channel slug or a list of slugs, got ${shown(iss.input)}`,
  })
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]);

const wholeNumber = (iss: { input?: unknown }) => `expected a whole number >= 0, got ${shown(iss.input)}`;
const viewsSchema = z
  .number({ error: wholeNumber })
  .int({ error: wholeNumber })
  .min(0, { error: wholeNumber })
  .default(0);

export const articleSchema = z.object({
  /** The headline. Required, shown on listings, the article page and in search results. */
  title: headline('the headline', '"title: 淘宝卖家如何投诉"'),
  /** Publication time: `2019-05-14 09:28:18` or `2019-05-14` (Beijing time) or ISO 8601 with an offset. */
  date: dateSchema,
  /** One channel slug, or a list when the article belongs to several; the first is its home. */
  channel: channelListSchema,
  /** View count carried over from the legacy site. */
  views: viewsSchema,
  /** Where the article came from (e.g. 一起惠). */
  source: optionalText('where the article came from (e.g. 一起惠)'),
  /** The script the article is written in; the other variant is converted from it. */
  lang: z.enum(LANGS as [string, ...string[]], {
    error: (iss) => `expected one of ${LANGS.join(', ')}, got ${shown(iss.input)}`,
  }).default('zh-Hans'),
  /** One or two sentences for listings and the meta description; derived from the body if absent. */
  summary: optionalText('one or two sentences about the article'),
  /** Drafts are validated but not published. */
  draft: z.boolean({ error: (iss) => `expected true or false, got ${shown(iss.input)}` }).default(false),
  /** Extra conversion rules for this article only, in the glossary's format. */
  glossary: glossarySchema.optional(),
  /** Written by `npm run import` (hashes of the legacy copies merged here); leave it as it is. */
  legacy: z
    .strictObject({ copies: z.array(z.string()), mangled: z.literal(true).optional() }, { error: 'is written by npm run import; restore it from git' })
    .optional(),
});
export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export const ARTICLE_KEYS = Object.keys(articleSchema.shape);

export const channelSchema = z.strictObject({
  /** URL folder of the channel: `/jingying/`. */
  slug: slugSchema.refine((s) => !RESERVED_SLUGS.includes(s), {
    message: `is reserved for the site's own pages (${RESERVED_SLUGS.join(', ')})`,
  }),
  /** Name shown in navigation and the breadcrumb, in simplified script. */
  name: headline('the channel name'),
  /** A sentence for the channel page's meta description. */
  description: optionalText('a sentence about the channel'),
});
/** content/channels.yaml's list, as the importer adds to it (from none). */
export const channelRegistrySchema = z.array(channelSchema, { error: 'expected a list of channels ({slug, name})' });
/** content/channels.yaml as the site reads it: every article needs a channel, so there is one at least. */
export const channelsSchema = channelRegistrySchema.min(1, {
  error: 'lists no channel, and every article needs one: add one, e.g. "- slug: jingying" with "  name: 经营" below it',
});
export type Channel = z.infer<typeof channelSchema>;

export const merchantSchema = z.strictObject({
  /** Merchant name as on the legacy sidebar (京东商城). */
  name: headline('the merchant name'),
  /** Top rebate, shown after 最高返利 (e.g. "56%"). */
  rebate: text('the top rebate, e.g. "56%"'),
});
export const merchantsSchema = z.array(merchantSchema, { error: 'expected a list of merchants ({name, rebate})' });
export type Merchant = z.infer<typeof merchantSchema>;
