/**
 * What a page says about other files: every URL it references and every id it offers as a
 * fragment target. Pure: HTML text in, facts out; never throws (the parser is forgiving).
 */
import { Parser } from 'htmlparser2';
import { parseSrcset } from 'srcset';

export interface Reference {
  /** How the reference is written, for messages: `a href`, `img srcset`, `meta content`. */
  via: string;
  url: string;
  /** A link or form a reader can follow: the edges of the orphan check. */
  navigates: boolean;
}

export interface PageFacts {
  references: Reference[];
  ids: Set<string>;
}

/**
 * Attributes that hold one URL, by element (HTML and inline SVG), each with its label. A Map,
 * not an object: a page may use any tag name, `<constructor>` included.
 */
const URL_ATTRIBUTES = new Map(
  Object.entries({
    a: ['href'],
    area: ['href'],
    link: ['href'],
    script: ['src'],
    img: ['src'],
    source: ['src'],
    iframe: ['src'],
    embed: ['src'],
    track: ['src'],
    audio: ['src'],
    video: ['src', 'poster'],
    object: ['data'],
    input: ['src'],
    form: ['action'],
    use: ['href', 'xlink:href'],
    image: ['href', 'xlink:href'],
  }).map(([element, attributes]) => [element, attributes.map((attribute) => ({ attribute, via: `${element} ${attribute}` }))]),
);
const SRCSET_ELEMENTS = new Set(['img', 'source']);
/** Elements a reader follows to another page: a search form is how readers reach `/search/`. */
const NAVIGATING_ELEMENTS = new Set(['a', 'area', 'form']);
/** `<meta property="og:image" content="https://…">` and the like: only absolute URLs are URLs there. */
const ABSOLUTE_URL = /^\s*https?:\/\//i;

export function extractPage(html: string): PageFacts {
  const references: Reference[] = [];
  const ids = new Set<string>();
  const add = (via: string, url: string, navigates = false) => references.push({ via, url, navigates });
  const parser = new Parser({
    onopentag(element, attributes) {
      if (attributes.id !== undefined) ids.add(attributes.id);
      // The HTML spec also scrolls to `<a name>` when no id matches.
      if (element === 'a' && attributes.name !== undefined) ids.add(attributes.name);
      for (const { attribute, via } of URL_ATTRIBUTES.get(element) ?? []) {
        const url = attributes[attribute];
        if (url !== undefined) add(via, url, NAVIGATING_ELEMENTS.has(element));
      }
      const srcset = attributes.srcset;
      if (srcset !== undefined && SRCSET_ELEMENTS.has(element)) {
        for (const candidate of parseSrcset(srcset)) add(`${element} srcset`, candidate.url);
      }
      const content = attributes.content;
      if (element === 'meta' && content !== undefined && ABSOLUTE_URL.test(content)) add('meta content', content);
    },
  });
  parser.end(html);
  return { references, ids };
}
