/**
 * Article bodies as Markdown, built as an mdast tree and serialised by mdast-util-to-markdown so
 * text such as `利润=商品数量*动销率` or `3. …` is escaped instead of turning into emphasis or lists.
 */
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Heading, Paragraph, Root } from 'mdast';

export type Block = { kind: 'paragraph'; text: string } | { kind: 'heading'; depth: 2 | 3; text: string };

export function blocksToMarkdown(blocks: readonly Block[]): string {
  const children = blocks.map((block): Heading | Paragraph =>
    block.kind === 'heading'
      ? { type: 'heading', depth: block.depth, children: [{ type: 'text', value: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
  );
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree);
}
