/**
 * Parses a listing page of the old site: breadcrumb (optional), channel name, then per article its
 * whole text on one line and its meta line, then the pager and the sidebar blocks. Problems name
 * the line; a bad article is skipped, the rest of the page still imports.
 */
import type { ContentProblem } from '../../../src/lib/content/problems.ts';
import type { Merchant } from '../../../src/lib/content/schema.ts';
import { parseArchiveDate, type ArchiveDate } from '../../../src/lib/dates.ts';
import { removeLeakedPinyin } from './leaked-pinyin.ts';
import {
  BREADCRUMB,
  META_LIKE,
  META_LINE,
  MORE_LINK,
  PAGER,
  REBATE,
  breadcrumbChannel,
  label,
  sidebarKind,
  type SidebarKind,
} from './legacy-lines.ts';

export interface ListingArticle {
  /** 1-based line of the article's text. */
  line: number;
  text: string;
  date: ArchiveDate;
  views: number;
  source?: string;
}

export interface ListingPage {
  /** As written on the page (possibly traditional). */
  channelName: string;
  articles: ListingArticle[];
  merchants: Merchant[];
  problems: ContentProblem[];
}

/** A channel line is a bare name: short, no punctuation, no digits. */
const CHANNEL_NAME = /^[\p{Script=Han}A-Za-z]{1,12}$/u;

type Section = 'articles' | 'pager' | SidebarKind;

export function parseListingPage(text: string, file: string): ListingPage {
  const problems: ContentProblem[] = [];
  const articles: ListingArticle[] = [];
  const merchants: Merchant[] = [];
  const lines = text.split('\n').map((l) => removeLeakedPinyin(l.trim()));
  let channelName: string | undefined;
  let crumbChannel: string | undefined;
  let section: Section = 'articles';
  let pending: { line: number; text: string } | undefined;
  let merchant: { line: number; name: string } | undefined;
  /** A bare name at the sidebar's end taken for the channel line (see below). */
  let fromSidebar: { line: number; name: string } | undefined;

  const dropPending = () => {
    if (pending) {
      problems.push({
        file,
        line: pending.line,
        message: 'article text without a meta line after it ("2019-05-14 09:28:18529 次"); skipped: add its meta line',
      });
    }
    pending = undefined;
  };

  const isMeta = (line: string | undefined) => line !== undefined && (META_LINE.test(line) || META_LIKE.test(line));
  for (const [index, line] of lines.entries()) {
    const n = index + 1;
    if (line === '') continue;
    const folded = label(line);
    if (MORE_LINK.test(folded)) continue;
    // Pages lay out their blocks in different orders: a text followed by a meta line is an article
    // wherever it stands, even after the pager or a sidebar block.
    if (section !== 'articles' && isMeta(lines.slice(index + 1).find((l) => l !== ''))) {
      // The sidebar came first: a bare name left waiting for its rebate is the channel line before the articles.
      if (section === 'merchants' && merchant && channelName === undefined && articles.length === 0 && CHANNEL_NAME.test(merchant.name)) {
        fromSidebar = merchant;
        channelName = merchant.name;
        merchant = undefined;
      }
      section = 'articles';
    }
    if (BREADCRUMB.test(folded)) {
      crumbChannel = breadcrumbChannel(line);
      continue;
    }
    if (PAGER.test(folded)) {
      dropPending();
      section = 'pager';
      continue;
    }
    const kind = sidebarKind(line);
    if (kind) {
      dropPending();
      section = kind;
      continue;
    }
    if (section === 'merchants') {
      const [, sameLine, rebate] = REBATE.exec(folded) ?? [];
      if (rebate && sameLine) merchants.push({ name: sameLine, rebate });
      else if (rebate && merchant) merchants.push({ name: label(merchant.name), rebate });
      else if (rebate)
        problems.push({ file, line: n, severity: 'warning', message: `rebate "${line}" without a merchant name before it; ignored` });
      else if (merchant)
        problems.push({
          file,
          line: merchant.line,
          severity: 'warning',
          message: `merchant "${merchant.name}" has no "最高返利…" line; ignored`,
        });
      merchant = rebate ? undefined : { line: n, name: line };
      continue;
    }
    if (section !== 'articles') continue; // hot lists and anything after the pager are not articles
    if (channelName === undefined && articles.length === 0 && !pending && CHANNEL_NAME.test(line)) {
      channelName = line;
      continue;
    }
    const meta = META_LINE.exec(line);
    if (meta || META_LIKE.test(line)) {
      const article = pending && meta ? toArticle(pending, meta, file, n, problems) : undefined;
      if (!pending) problems.push({ file, line: n, message: 'meta line without an article text line before it; skipped' });
      else if (!meta) {
        problems.push({
          file,
          line: n,
          field: 'meta',
          message: `"${line}" is not a meta line of the form [source]2019-05-14 09:28:18529 次; the article on line ${pending.line} is skipped`,
        });
      }
      if (article) articles.push(article);
      pending = undefined;
      continue;
    }
    dropPending();
    pending = { line: n, text: line };
  }
  dropPending();
  if (merchant)
    problems.push({
      file,
      line: merchant.line,
      severity: 'warning',
      message: `merchant "${merchant.name}" has no "最高返利…" line; ignored`,
    });

  // A breadcrumb (wherever it stood) names the channel over a name taken from the sidebar's end:
  // that was a merchant without its rebate line after all.
  if (fromSidebar && crumbChannel !== undefined && label(crumbChannel) !== label(fromSidebar.name)) {
    problems.push({
      file,
      line: fromSidebar.line,
      severity: 'warning',
      message: `merchant "${fromSidebar.name}" has no "最高返利…" line; ignored`,
    });
    channelName = undefined;
  }
  const name = channelName ?? crumbChannel;
  if (name === undefined) {
    problems.push({
      file,
      line: 1,
      field: 'channel',
      message: 'has no channel line (e.g. "经营" before the first article) and no breadcrumb; the page is skipped',
    });
    // Nothing of a skipped page is imported, its sidebar's merchants included.
    return { channelName: '', articles: [], merchants: [], problems };
  }
  if (channelName && crumbChannel && label(channelName) !== label(crumbChannel)) {
    problems.push({
      file,
      field: 'channel',
      severity: 'warning',
      message: `channel line "${channelName}" and breadcrumb "${crumbChannel}" disagree; using "${channelName}"`,
    });
  }
  return { channelName: name, articles, merchants, problems };
}

function toArticle(
  pending: { line: number; text: string },
  meta: RegExpExecArray,
  file: string,
  line: number,
  problems: ContentProblem[],
): ListingArticle | undefined {
  const [, source, day, time, views] = meta as unknown as [string, string, string, string, string];
  const date = parseArchiveDate(`${day} ${time}`);
  if ('error' in date) {
    problems.push({ file, line, field: 'date', message: `${date.error}; the article on line ${pending.line} is skipped` });
    return undefined;
  }
  const trimmedSource = source.trim();
  return {
    line: pending.line,
    text: pending.text,
    date,
    views: Number(views),
    ...(trimmedSource === '' ? {} : { source: trimmedSource }),
  };
}
