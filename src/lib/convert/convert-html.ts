/**
 * HTML conversion: each block's text is converted as one string (so phrases that cross inline
 * tags convert as phrases) and the result is written back onto the original text nodes by offset.
 * Attributes a reader sees (alt, title, aria-label, placeholder, meta descriptions) are converted
 * as text; URLs, classes, ids and everything else are left alone.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Lang } from '../../consts.ts';
import type { Chunk } from './aligned-convert.ts';
import { collectVisibleText, INLINE, type TextRun } from './html-text.ts';

/** A whole page rather than a fragment: parsed as a document so <head> keeps its place. */
const DOCUMENT = /^\s*(?:<!doctype|<html[\s>])/i;

export interface HtmlConversion {
  to: Lang;
  /** Converts one block's text, with the source range of every piece of output. */
  block(text: string): Chunk[];
  /** Converts an attribute's value. */
  text(text: string): string;
}

export function convertHtml(html: string, conversion: HtmlConversion): string {
  const tree = fromHtml(html, { fragment: !DOCUMENT.test(html) });
  const { runs, attributes } = collectVisibleText(tree);
  let emptied = false;
  for (const run of runs) emptied = writeBack(run, conversion.block(run.text), conversion.to) || emptied;
  if (emptied) pruneEmptied(tree);
  for (const { element, property } of attributes) {
    element.properties[property] = conversion.text(element.properties[property] as string);
  }
  return toHtml(tree);
}

interface Part {
  value: string;
  keep: boolean;
}

/** Returns whether some text node lost all its text (markers, the other variant of a choice). */
function writeBack(run: TextRun, chunks: Chunk[], to: Lang): boolean {
  let emptied = false;
  let first = 0;
  for (const { node, parent, start } of run.nodes) {
    const end = start + node.value.length;
    while (first < chunks.length && chunks[first]!.end <= start) first++;
    const parts: Part[] = [];
    for (let k = first; k < chunks.length && chunks[k]!.start < end; k++) {
      const chunk = chunks[k]!;
      const value = outputFor(chunk, Math.max(start, chunk.start), Math.min(end, chunk.end));
      const last = parts.at(-1);
      if (value === '') continue;
      if (last && last.keep === chunk.keep) last.value += value;
      else parts.push({ value, keep: chunk.keep });
    }
    if (parts.length === 1 && !parts[0]!.keep) node.value = parts[0]!.value;
    else if (parts.length === 0) {
      emptied ||= node.value !== '';
      node.value = '';
    } else parent.children.splice(parent.children.indexOf(node), 1, ...parts.map((p) => partNode(p, to)));
  }
  return emptied;
}

/** Inline elements left with nothing but empty text (`<b>` of a choice's other variant) go. */
function pruneEmptied(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    pruneEmptied(child);
    return !(INLINE.has(child.tagName) && child.children.length > 0 && child.children.every((c) => c.type === 'text' && c.value === ''));
  }) as typeof parent.children;
}

/**
 * The part of a chunk's output that belongs to the source range [start, end) inside it. OpenCC
 * cn↔tw almost always keeps the length, and then this is exact; when a chunk changed length (a
 * glossary term of another length, a rare character outside the BMP) and spans two text nodes,
 * its output is shared out in proportion: no text is lost or reordered, only a tag boundary may
 * move by a character.
 */
function outputFor(chunk: Chunk, start: number, end: number): string {
  if (start === chunk.start && end === chunk.end) return chunk.out;
  const at = (offset: number) => {
    if (offset === chunk.end) return chunk.out.length;
    const i = Math.round(((offset - chunk.start) * chunk.out.length) / (chunk.end - chunk.start));
    // Never split a surrogate pair.
    const code = chunk.out.charCodeAt(i - 1);
    return code >= 0xd800 && code < 0xdc00 ? i + 1 : i;
  };
  return chunk.out.slice(at(start), at(end));
}

function partNode(part: Part, to: Lang): ElementContent {
  const text: Text = { type: 'text', value: part.value };
  if (!part.keep) return text;
  // Kept text with characters of the other script is in the other script: say so.
  const lang: Lang = to === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  const span: Element = { type: 'element', tagName: 'span', properties: { translate: 'no', lang }, children: [text] };
  return span;
}
