/**
 * Images load lazily and decode off the main thread: an article can carry dozens of product shots.
 * An `<img>` the sanitizer left without a `src` (its URL was `javascript:`, `data:`…) shows nothing
 * but a broken icon, so it goes.
 */
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export default function rehypeArticleImages() {
  return (tree: Root): undefined => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img') return undefined;
      if (typeof node.properties.src !== 'string' || node.properties.src === '') {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        return undefined;
      }
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
      return undefined;
    });
  };
}
