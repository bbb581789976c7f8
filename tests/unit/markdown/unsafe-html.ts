/**
 * What in a piece of HTML could run script, restyle the page or leave it: checked on the tree a
 * browser would build (parse5, the spec's parser), not on the text, since encodings and odd
 * spellings are exactly how vectors slip past text checks.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;

export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'style',
  'base',
  'meta',
  'link',
  'frame',
  'frameset',
  'applet',
  'svg',
  'math',
  'template',
  'noscript',
  'input',
  'button',
  'textarea',
  'select',
]);
/** Attributes a browser dereferences as a URL (xlink:href is `href` with an `xlink` prefix in parse5). */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'background',
  'poster',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'data',
]);
const SCRIPTING_SCHEME = /^(?:javascript|vbscript|data):/;

/** Browsers ignore controls and spaces in a scheme (`jav&#x09;ascript:`); so does this check. */
// eslint-disable-next-line no-control-regex -- browsers drop these from a URL's scheme
const schemeOf = (url: string): string => url.replace(/[\u0000-\u0020]/g, '').toLowerCase();

function* elements(node: Node): Generator<DefaultTreeAdapterTypes.Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
  if ('content' in node) yield* elements(node.content);
}

/** Every unsafe thing in `html`, placed in a page body as an article body is; empty when safe. */
export function unsafeParts(html: string): string[] {
  const found: string[] = [];
  const body = parse(`<!doctype html><html><head></head><body><article>${html}</article></body></html>`);
  for (const element of elements(body)) {
    if (FORBIDDEN_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}> element`);
    for (const { name, value, prefix } of element.attrs) {
      const shown = prefix ? `${prefix}:${name}` : name;
      if (/^on/i.test(name)) found.push(`${shown} on <${element.tagName}>`);
      if (name === 'style') found.push(`style on <${element.tagName}>`);
      if (URL_ATTRIBUTES.has(name) && SCRIPTING_SCHEME.test(schemeOf(value))) {
        found.push(`${shown}=${JSON.stringify(value)} on <${element.tagName}>`);
      }
    }
  }
  return found;
}
