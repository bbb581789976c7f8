/**
 * The conversion itself, keeping track of where every piece of output came from, so that HTML can
 * be converted a whole block at a time and written back onto its original text nodes.
 *
 * Glossary terms are swapped for a placeholder before OpenCC's own segmenting converter runs (the
 * placeholder also ends OpenCC's phrases there) and swapped back after; the longest term wins.
 */
import type { Trie } from 'opencc-js';
import type { Lang } from '../../consts.ts';
import { parseMarkers, type Range } from './markers.ts';
import { openccConverter } from './opencc.ts';
import { hasWrongScript } from './wrong-han-script.ts';
import { wrongScriptChars } from './han-script-sets.ts';

/** Output `out` replaces the source range [start, end). */
export interface Chunk {
  start: number;
  end: number;
  out: string;
  /** Shown as written although it has characters of the other script: mark it translate="no". */
  keep: boolean;
}

/** The glossary terms to apply from one script to the other (none when from === to). */
export type TermsFor = (from: Lang, to: Lang) => Pick<Trie, 'matchPrefix'> | undefined;

/** A private-use character OpenCC leaves alone: stands for the n-th glossary hit. */
const PLACEHOLDER = '\uE000';
/** Object replacement character: stands for an inline element the text flows around (<code>, <br>). */
export const BARRIER = '\uFFFC';

export function convertAligned(text: string, from: Lang, to: Lang, termsFor: TermsFor): Chunk[] {
  const chunks: Chunk[] = [];
  if (!text.includes('-{')) {
    convertPlain(text, 0, text.length, from, to, termsFor, chunks);
    return chunks;
  }
  for (const piece of parseMarkers(text)) {
    if (piece.kind === 'plain') {
      convertPlain(text, piece.range[0], piece.range[1], from, to, termsFor, chunks);
      continue;
    }
    const [outerStart, outerEnd] = piece.outer;
    if (piece.kind === 'choice' && !piece.values[to]) {
      // A choice without the target's text converts the text it has (it has its first label's).
      const [lang, range] = (Object.entries(piece.values) as [Lang, Range][])[0]!;
      pushRemoved(chunks, outerStart, range[0]);
      convertPlain(text, range[0], range[1], lang, to, termsFor, chunks);
      pushRemoved(chunks, range[1], outerEnd);
      continue;
    }
    const [keptStart, keptEnd] = piece.kind === 'keep' ? piece.inner : piece.values[to]!;
    pushRemoved(chunks, outerStart, keptStart);
    const kept = text.slice(keptStart, keptEnd);
    if (kept !== '') chunks.push({ start: keptStart, end: keptEnd, out: kept, keep: hasWrongScript(kept, to) });
    pushRemoved(chunks, keptEnd, outerEnd);
  }
  return chunks;
}

function pushRemoved(chunks: Chunk[], start: number, end: number): void {
  if (end > start) chunks.push({ start, end, out: '', keep: false });
}

function convertPlain(text: string, start: number, end: number, from: Lang, to: Lang, termsFor: TermsFor, chunks: Chunk[]): void {
  if (start === end) return;
  const segment = text.slice(start, end);
  if (from === to) {
    chunks.push({ start, end, out: fixStrays(segment, to), keep: false });
    return;
  }
  const terms = termsFor(from, to);
  const hits: Chunk[] = [];
  let masked = '';
  let copied = 0;
  for (let i = 0; i < segment.length;) {
    const char = segment[i]!;
    // A placeholder or barrier already in the text stands for itself: the n-th placeholder in
    // OpenCC's output must be the n-th hit, and a barrier must stay a one-character chunk.
    const match = char === PLACEHOLDER || char === BARRIER ? { end: i + 1, value: char } : terms?.matchPrefix(segment, i);
    if (!match) {
      i += segment.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    masked += segment.slice(copied, i) + PLACEHOLDER;
    hits.push({ start: start + i, end: start + match.end, out: match.value, keep: keepTerm(match.value, to) });
    copied = i = match.end;
  }
  masked += segment.slice(copied);
  const converted = openccConverter(from, to)(masked).split(PLACEHOLDER);
  let at = start;
  hits.forEach((hit, n) => {
    if (hit.start > at) chunks.push({ start: at, end: hit.start, out: converted[n]!, keep: false });
    chunks.push(hit);
    at = hit.end;
  });
  if (end > at) chunks.push({ start: at, end, out: converted[hits.length]!, keep: false });
}

/**
 * A character of the other script in text already in `lang` (大約 in a simplified article) is a
 * slip: it becomes `lang`'s own character. Only characters that never belong to `lang` change, so
 * this never touches correct text (whole-text OpenCC would: 显著 → 显着).
 */
function fixStrays(segment: string, lang: Lang): string {
  if (!hasWrongScript(segment, lang)) return segment;
  const wrong = wrongScriptChars(lang);
  const convert = openccConverter(lang === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans', lang);
  let out = '';
  for (const ch of segment) out += wrong.has(ch.codePointAt(0)!) ? convert(ch) : ch;
  return out;
}

const keptTerms = new Map<string, boolean>();

/** Whether a glossary form shown on a `to` page needs protecting (a kept 天猫 on zh-Hant). */
function keepTerm(term: string, to: Lang): boolean {
  const key = `${to}\0${term}`;
  let keep = keptTerms.get(key);
  if (keep === undefined) {
    keep = hasWrongScript(term, to);
    keptTerms.set(key, keep);
  }
  return keep;
}
