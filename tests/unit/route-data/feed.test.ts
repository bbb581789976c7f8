import { describe, expect, it } from 'vitest';
import { feedResponse, htmlOfText } from '../../../src/lib/route-data/feed.ts';
import { xmlErrors } from '../../../scripts/lib/site-checks/xml.ts';
import { readFeed } from '../../helpers/feed.ts';

/** One item, as feedItems makes them: the summary as HTML that shows it. */
const feedOf = (title: string, summary: string) =>
  feedResponse({
    title: `频道${title}`,
    description: `说明${summary}`,
    site: 'https://archive.yiqihui.example',
    items: [{ title, link: '/articles/a/', description: htmlOfText(summary) }],
  }).then((response) => response.text());

describe('feed XML', () => {
  const markup = '<script>alert(1)</script> & <img src=x onerror=alert(1)> &amp;';
  it.each([
    ['markup in a summary is shown as written, never rendered', '<b>标题</b>', markup, '<b>标题</b>', markup],
    [
      'characters XML forbids are left out, everything else kept',
      '标\u0000题\u0008\u000B\u000C\u001F',
      '摘\uFFFE要\uFFFF\t末尾',
      '标题',
      '摘要\t末尾',
    ],
  ])('%s', async (_, title, summary, shownTitle, shownSummary) => {
    const xml = await feedOf(title, summary);
    expect(xmlErrors(xml)).toEqual([]);
    expect(readFeed(xml)).toEqual([{ title: shownTitle, shown: shownSummary, elements: 0 }]);
  });
});
