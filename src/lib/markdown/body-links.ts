/**
 * What a body links to, as `check` needs it to resolve each link against the content before any
 * page exists: every URL the rendered page will carry (Markdown links, images, reference
 * definitions, raw HTML `href` and `src`) with the line it is written on, and the ids the rendered
 * body has for in-page links (`#x`) to land on.
 */
import type { Root as HastRoot } from 'hast';
import { Parser } from 'htmlparser2';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { markdownProcessor } from './processor.ts';
import { bodySanitizeSchema } from './sanitize-schema.ts';
import { parseWithinLimits } from './limits.ts';

export interface BodyLink {
  url: string;
  /** Line in the body, from 1. */
  line: number;
  /** An image must be a file; a link may be any page. */
  kind: 'link' | 'image';
}

const HTML_URL_ATTRIBUTES: Record<string, { attribute: string; kind: BodyLink['kind'] }> = {
  a: { attribute: 'href', kind: 'link' },
  img: { attribute: 'src', kind: 'image' },
};

export function bodyLinks(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'link' || node.type === 'definition') links.push({ url: node.url, line, kind: 'link' });
    else if (node.type === 'image') links.push({ url: node.url, line, kind: 'image' });
    else if (node.type === 'html') {
      // Each raw HTML node alone: an attribute never spans two of them.
      let lineInNode = 0;
      const parser = new Parser({
        onopentag(name, attributes) {
          const wanted = HTML_URL_ATTRIBUTES[name];
          const url = wanted && attributes[wanted.attribute];
          if (url !== undefined && wanted) links.push({ url, line: line + lineInNode, kind: wanted.kind });
        },
      });
      for (const [i, part] of node.value.split('\n').entries()) {
        lineInNode = i;
        parser.write(`${i === 0 ? '' : '\n'}${part}`);
      }
      parser.end();
    }
  });
  return links;
}

const PREFIX = bodySanitizeSchema.clobberPrefix ?? '';

/**
 * The fragments an in-page link may name: ids (and `<a name>`) of the rendered body, as written,
 * that is without the prefix the sanitizer gives them. Only for bodies within the limits.
 */
export function bodyFragments(markdown: string): Set<string> {
  const parsed = parseWithinLimits(markdown);
  const fragments = new Set<string>();
  if (parsed.tree === undefined) return fragments;
  const tree = markdownProcessor.runSync(parsed.tree, markdown) as HastRoot;
  visit(tree, 'element', (node) => {
    for (const value of [node.properties.id, node.tagName === 'a' ? node.properties.name : undefined]) {
      if (typeof value === 'string' && value.startsWith(PREFIX)) fragments.add(value.slice(PREFIX.length));
    }
  });
  return fragments;
}
