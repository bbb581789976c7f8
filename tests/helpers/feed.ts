/** A built RSS feed read as a feed reader reads it: a real XML parser, then each description as HTML. */
import * as cheerio from 'cheerio';
import { SaxesParser } from 'saxes';

export interface ReadItem {
  title: string;
  /** The description's text as a feed reader shows it: the HTML it holds, rendered to text. */
  shown: string;
  /** Elements that HTML would render: none, for a summary. */
  elements: number;
}

/** Throws on the first XML error: a feed reader rejects the whole feed then. */
export function readFeed(xml: string): ReadItem[] {
  const items: ReadItem[] = [];
  const parser = new SaxesParser();
  let text = '';
  let item: { title: string; description: string } | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    text = '';
    if (tag.name === 'item') item = { title: '', description: '' };
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('closetag', (tag) => {
    if (item === undefined) return;
    if (tag.name === 'title' || tag.name === 'description') item[tag.name] = text;
    if (tag.name !== 'item') return;
    const $ = cheerio.load(item.description, null, false);
    items.push({ title: item.title, shown: $.root().text(), elements: $('*').length });
    item = undefined;
  });
  parser.write(xml).close();
  return items;
}
