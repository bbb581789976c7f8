/**
 * The article page's `<h1>` is the title, so a body's headings move down until the highest one is
 * an `<h2>`; a body that starts at `###` moves up to `<h2>` so the outline has no gap. Levels keep
 * their order; below `<h6>` there is nothing, so deep ones stay at `<h6>`. The footnotes' own
 * label (an `<h2>` from remark-rehype) is not the writer's and is left alone.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const HEADING = /^h([1-6])$/;
const BODY_TOP_LEVEL = 2;

const isFootnotes = (node: Element): boolean => node.tagName === 'section' && node.properties.dataFootnotes !== undefined;

function bodyHeadings(tree: Root): { node: Element; level: number }[] {
  const found: { node: Element; level: number }[] = [];
  visit(tree, 'element', (node) => {
    if (isFootnotes(node)) return SKIP;
    const level = HEADING.exec(node.tagName)?.[1];
    if (level) found.push({ node, level: Number(level) });
    return undefined;
  });
  return found;
}

export default function rehypeShiftHeadings() {
  return (tree: Root): undefined => {
    const headings = bodyHeadings(tree);
    if (headings.length === 0) return;
    const shift = BODY_TOP_LEVEL - Math.min(...headings.map((h) => h.level));
    for (const { node, level } of headings) node.tagName = `h${Math.min(level + shift, 6)}`;
  };
}
