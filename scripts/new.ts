/**
 * `npm run new -- --channel taobao --title "…"`: start an article with valid front-matter (date now,
 * Beijing time), named from its title. It starts as a draft so that an unfinished article can't be
 * published by accident; `npm run dev` shows drafts.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { didYouMean } from '../src/lib/content/did-you-mean.ts';
import {
  contentDir,
  contentFolderProblem,
  CONTENT_FILES,
  LINK_OUT,
  linkOutOf,
  listArticles,
  parseArticle,
  readRegistry,
} from '../src/integrations/site-data/load-content.ts';
import { channelsSchema, shown, slugSchema } from '../src/lib/content/schema.ts';
import { formatProblem, isError, type ContentProblem } from '../src/lib/content/problems.ts';
import { suggestSlug } from '../src/lib/content/suggest-slug.ts';
import { beijingNow } from '../src/lib/dates.ts';
import { LANGS } from '../src/consts.ts';
import { articleUrl } from '../src/lib/urls.ts';
import { cliArgs } from './lib/cli.ts';

/** Shorter than the longest slug, so that URLs made from long headlines stay readable. */
const NAMED_SLUG_LENGTH = 60;
const USAGE =
  'npm run new -- --channel <slug>[,<slug>] --title "<title>" [--source <name>] [--lang zh-Hans|zh-Hant] [--slug <slug>] [--content <dir>]';
const { values } = cliArgs(
  () =>
    parseArgs({
      options: {
        channel: { type: 'string' },
        title: { type: 'string' },
        source: { type: 'string' },
        lang: { type: 'string', default: 'zh-Hans' },
        slug: { type: 'string' },
        content: { type: 'string' },
      },
      allowPositionals: false,
    }),
  USAGE,
);

function fail(message: string): never {
  console.error(`${message}\nusage: ${USAGE}`);
  process.exit(2);
}

const title = values.title?.trim() || fail('--title is required: the headline of the new article');
if (!values.channel) fail('--channel is required: a channel slug from content/channels.yaml');
if (!(LANGS as string[]).includes(values.lang)) fail(`--lang: expected one of ${LANGS.join(', ')}, got "${values.lang}"`);
if (values.source !== undefined && values.source.trim() === '') {
  fail('--source: is empty; name the source (e.g. --source 一起惠), or leave the flag out');
}
// Checked before it becomes part of a path: "../x" must never reach the file system.
if (values.slug !== undefined) {
  const issue = slugSchema.safeParse(values.slug).error?.issues[0];
  if (issue) fail(`--slug ${shown(values.slug)}: ${issue.message}: try --slug ${suggestSlug(values.slug)}`);
}

const dir = values.content ? path.resolve(values.content) : contentDir();
const problems: ContentProblem[] = [];
const notContent = contentFolderProblem(dir);
if (notContent) fail(formatProblem(notContent));
const channels = readRegistry(path.join(dir, CONTENT_FILES.channels), channelsSchema, problems, true);
if (!channels) fail(problems.map(formatProblem).join('\n'));
const slugs = channels.map((c) => c.slug);
const wanted = values.channel
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
if (wanted.length === 0) fail(`--channel: no channel slug in ${shown(values.channel)}; name one, e.g. --channel ${slugs[0] ?? 'jingying'}`);
for (const c of wanted) {
  if (!slugs.includes(c)) fail(`--channel: unknown channel "${c}"${didYouMean(c, slugs)}; channels: ${slugs.join(', ')}`);
}

const date = beijingNow();
const base = values.slug ?? suggestSlug(title, NAMED_SLUG_LENGTH);
const folder = path.join(dir, CONTENT_FILES.articles, date.slice(0, 4), date.slice(5, 7));
// Slugs are unique across all folders (check refuses a second one), and a file is never overwritten.
const existing = new Set(listArticles(dir, []).map((file) => path.basename(file, '.md')));
const taken = (slug: string) => existing.has(slug) || existsSync(path.join(folder, `${slug}.md`));
let slug = base;
for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;

const data = {
  title,
  date,
  channel: wanted.length === 1 ? wanted[0] : wanted,
  views: 0,
  ...(values.source ? { source: values.source } : {}),
  ...(values.lang !== 'zh-Hans' ? { lang: values.lang } : {}),
  draft: true,
};
const file = path.join(folder, `${slug}.md`);
const text = matter.stringify('\n在这里写正文。删除 draft: true 后发布。\n', data);
// The same checks as `npm run check`, on exactly what is about to be written: new never creates an
// article that check would refuse. Each problem is named by the flag that caused it.
const articleProblems: ContentProblem[] = [];
parseArticle(text, path.relative(process.cwd(), file), articleProblems);
const said = (p: ContentProblem) => `${flagOf(p)}: ${p.message}`;
const errors = articleProblems.filter(isError);
if (errors.length > 0) fail(errors.map(said).join('\n'));
// Warnings (a headline too long for a phone) as check gives them: the article is written all the same.
for (const warning of articleProblems.filter((p) => !isError(p))) console.warn(`warning: ${said(warning)}`);
const linkOut = linkOutOf(dir, [path.relative(dir, file).split(path.sep).join('/')]);
if (linkOut) fail(`${linkOut}: ${LINK_OUT}; move the articles into content/ and remove the link`);
await mkdir(folder, { recursive: true });
// `wx`: never overwrite a writer's file, even if one appeared since the check above.
await writeFile(file, text, { flag: 'wx' });
console.log(`Created ${path.relative(process.cwd(), file)}`);
console.log(`Preview: npm run dev, then open http://localhost:4321${articleUrl(values.lang as (typeof LANGS)[number], slug)}`);
console.log('It is a draft: delete the line "draft: true" to publish it.');

function flagOf(problem: ContentProblem): string {
  // A problem without a field is about the file name, which --slug (or the title) gives.
  if (!problem.field) return values.slug === undefined ? '--title' : '--slug';
  const field = problem.field.replace(/\[.*$/, '');
  return ['title', 'channel', 'source', 'lang'].includes(field) ? `--${field}` : field;
}
