/**
 * GFM turns bare URLs into links and ends them only at whitespace, but Chinese text has no spaces:
 * `访问https://www.jd.com/，购买` would link to `…/，购买`, and `-{https://a.cn}-` to `…}-`
 * (breaking the protection marker's link). A bare URL here ends at the first non-ASCII character
 * or at a marker's closing `}-`, and the rest goes back into the text. Written links (`<…>`,
 * `[…](…)`) are the writer's exact choice and are left alone.
 */
import type { Link, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const URL_END = /[^\x21-\x7e]|\}-/;
/** What GFM also drops from the end of a bare URL. */
const TRAILING_PUNCTUATION = /[?!.,:*_~]+$/;

function isBareUrl(link: Link, source: string): link is Link & { children: [Text] } {
  const [child] = link.children;
  const written = link.position?.start.offset !== undefined && source[link.position.start.offset] === '<';
  return !written && link.children.length === 1 && child?.type === 'text' && link.url.endsWith(child.value);
}

export default function remarkCjkAutolinks() {
  return (tree: Root, file: { value: unknown }): undefined => {
    const source = String(file.value);
    visit(tree, 'link', (link, index, parent) => {
      if (!parent || index === undefined || !isBareUrl(link, source)) return undefined;
      const text = link.children[0].value;
      const end = URL_END.exec(text)?.index;
      if (end === undefined) return undefined;
      const kept = text.slice(0, end).replace(TRAILING_PUNCTUATION, '');
      const rest = text.slice(kept.length);
      if (kept === '' || /^(?:https?:\/\/)?(?:www)?$/i.test(kept)) {
        parent.children.splice(index, 1, { type: 'text', value: text });
        return [SKIP, index + 1];
      }
      link.url = link.url.slice(0, link.url.length - text.length) + kept;
      link.children[0].value = kept;
      parent.children.splice(index + 1, 0, { type: 'text', value: rest });
      return [SKIP, index + 2];
    });
  };
}
