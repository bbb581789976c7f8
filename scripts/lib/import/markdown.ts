/**
 * Article bodies as Markdown, built as an mdast tree and serialised by mdast-util-to-markdown so
 * text such as `利润=商品数量*动销率`, `退款~~七天~~` or `3. …` is escaped instead of turning into
 * emphasis, deletions or lists.
 */
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Heading, List, Paragraph, Root, RootContent } from 'mdast';
import { markdownProcessor } from '../../../src/lib/markdown/processor.ts';

/** A numbered list's items hold paragraphs; item `i` was numbered `start + i` in the source. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; depth: 2 | 3; text: string }
  | { kind: 'list'; start: number; items: string[][] };

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });

export function blocksToMarkdown(blocks: readonly Block[]): string {
  const children = blocks.map((block): Heading | Paragraph | List => {
    if (block.kind === 'heading') return { type: 'heading', depth: block.depth, children: [{ type: 'text', value: block.text }] };
    if (block.kind === 'paragraph') return paragraph(block.text);
    return {
      type: 'list',
      ordered: true,
      start: block.start,
      spread: block.items.some((item) => item.length > 1),
      children: block.items.map((item) => ({ type: 'listItem', spread: item.length > 1, children: item.map(paragraph) })),
    };
  });
  const tree: Root = { type: 'root', children };
  // The site reads `~~` as a deletion (GFM): told so, the serialiser escapes a tilde in text too.
  return toMarkdown(tree, { extensions: [gfmStrikethroughToMarkdown()] });
}

/** The source text of a block, list numbers included: what restoring structure must leave unchanged. */
export function blockText(block: Block): string {
  if (block.kind !== 'list') return block.text;
  return block.items.map((item, i) => `${block.start + i}${item.join('')}`).join('');
}

/**
 * The text of imported Markdown as a reader gets it, list numbers included: blockText read back,
 * by the site's own Markdown parser (so text the site would read as emphasis is never taken for text).
 */
export function markdownText(markdown: string): string {
  const text = (node: Root | RootContent): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'list') return node.children.map((item, i) => `${(node.start ?? 1) + i}${text(item)}`).join('');
    return 'children' in node ? node.children.map(text).join('') : '';
  };
  return text(markdownProcessor.parse(markdown));
}
