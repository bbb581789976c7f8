/**
 * The text a reader sees in an HTML tree, gathered the way it must be converted: one run of text
 * per block (p, li, td, title…), across inline markup (头<b>发</b> is one phrase), and the
 * reader-visible attributes. Code, scripts, `translate="no"` and links that show their own address
 * are left out.
 */
import type { Element, Root, RootContent, Text } from 'hast';
import { BARRIER } from './aligned-convert.ts';

/** The text of one block: its text nodes in order, `text` their concatenation. */
export interface TextRun {
  text: string;
  /** Each text node, its parent and the offset of its value in `text`. */
  nodes: Array<{ node: Text; parent: Element | Root; start: number }>;
}

/** A reader-visible attribute: `element.properties[property]` is a string. */
export interface VisibleAttribute {
  element: Element;
  property: string;
}

/** Never converted nor checked: code and machine text, and what the author marked. */
const SKIPPED = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'template', 'math', 'svg']);
/** Elements text flows through: their text belongs to the surrounding block. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);
/** Inline elements without text that still break a phrase: the text flows around them. */
const INLINE_VOID = new Set(['br', 'wbr', 'img', 'input']);
/** hast property names of the attributes a reader sees or hears. */
const VISIBLE_PROPERTIES = ['alt', 'title', 'ariaLabel', 'placeholder'];
/** `<meta name|property=… content>` shown in search results and link previews. */
const VISIBLE_META = new Set([
  'description',
  'keywords',
  'og:title',
  'og:description',
  'og:site_name',
  'twitter:title',
  'twitter:description',
]);

/**
 * `pageLang`, for checking a built page: also leave out elements whose `lang` says they are in
 * another language (the variant switch's 简体 on a zh-Hant page, the converter's kept text).
 */
export function collectVisibleText(tree: Root, pageLang?: string): { runs: TextRun[]; attributes: VisibleAttribute[] } {
  const otherLang = (element: Element) => {
    const lang = element.properties.lang;
    return pageLang !== undefined && typeof lang === 'string' && lang !== '' && lang.toLowerCase() !== pageLang.toLowerCase();
  };
  const runs: TextRun[] = [];
  const attributes: VisibleAttribute[] = [];
  let run: TextRun = { text: '', nodes: [] };
  const flush = () => {
    if (run.nodes.length > 0) runs.push(run);
    run = { text: '', nodes: [] };
  };
  const visit = (parent: Element | Root) => {
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'text') {
        run.nodes.push({ node: child, parent, start: run.text.length });
        run.text += child.value;
      } else if (child.type === 'element') {
        if (SKIPPED.has(child.tagName) || child.properties.translate === 'no' || otherLang(child) || showsItsAddress(child)) {
          run.text += BARRIER;
          continue;
        }
        collectAttributes(child, attributes);
        if (INLINE_VOID.has(child.tagName)) {
          run.text += BARRIER;
        } else if (INLINE.has(child.tagName)) {
          visit(child);
        } else {
          flush();
          visit(child);
          flush();
        }
      }
    }
  };
  visit(tree);
  flush();
  return { runs, attributes };
}

/**
 * A link whose text is its own address (`<https://example.com/发展>`, an e-mail address): a reader
 * copies it, so it is written as it is, like code (converted, it showed 發展, another address).
 */
function showsItsAddress(element: Element): boolean {
  const href = element.properties.href;
  // An address with its scheme: a relative one ([发展](/发展)) is the site's, and its words are text.
  if (element.tagName !== 'a' || typeof href !== 'string' || !/^[a-z][a-z\d+.-]*:/i.test(href)) return false;
  const text = textOf(element);
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // A malformed escape: the address as written is all there is to compare.
  }
  return text !== '' && [href, decoded].some((address) => address === text || address === `mailto:${text}`);
}

const textOf = (element: Element): string =>
  element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

function collectAttributes(element: Element, into: VisibleAttribute[]): void {
  for (const property of VISIBLE_PROPERTIES) {
    if (typeof element.properties[property] === 'string') into.push({ element, property });
  }
  if (element.tagName === 'meta' && typeof element.properties.content === 'string') {
    const name = element.properties.name ?? element.properties.property;
    if (typeof name === 'string' && VISIBLE_META.has(name.toLowerCase())) into.push({ element, property: 'content' });
  }
}
