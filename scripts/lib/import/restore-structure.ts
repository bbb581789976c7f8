/**
 * Structure for text the scrape flattened into one line: a listing article is its whole body with
 * sub-headings (`推广:花样繁多`) and numbered steps (`…往下看吧1无论是…。2如果协商失败…`) glued in.
 * The text is only cut, never changed: the blocks' text (blockText) is the input, character for
 * character. Cuts fall at sentence ends, or at clause marks inside a sentence too long to read.
 */
import type { Block } from './markdown.ts';
import { blockText } from './markdown.ts';

/** Paragraphs are cut near this length (characters): a phone screen or two. */
const TARGET = 350;
/** A paragraph shorter than this takes the next sentence whatever its length. */
const MIN_PARAGRAPH = 150;
/** A sentence longer than this is cut at its clause marks (the scrape also lost sentence ends). */
const MAX_SENTENCE = 400;
/** A body longer than this is never one or two blocks. */
const LONG_BODY = 1000;
const MIN_BLOCKS_OF_LONG_BODY = 3;
/** Consecutive numbered steps are at most this far apart; further, the digits are something else. */
const MAX_STEP_GAP = 1200;
const MIN_STEP_GAP = 10;
/** An interview turn starts a paragraph unless the one before is shorter than this (a bare label). */
const MIN_BEFORE_TURN = 20;

/** Sentence ends with their closing quotes; a `?` glued to Latin letters is a mangled run (`樣?xùn)`). */
const SENTENCE_END = /(?:[。!！？]|\?(?![a-zà-ɏ]))+[”’」』)）]*|…+[”’」』)）]*/gu;
const CLAUSE_END = /[,，;；]/u;
const QUOTE_OPENERS = '“‘「『';
const MAX_QUOTE = 200;
const QUOTE_CLOSERS = '”’」』';
/** `推广:花样繁多` glued to its section: a two-character topic and a four-character phrase. */
const COLON_HEADING = /^\p{Script=Han}{2}[:：]\p{Script=Han}{4}(?=[\p{Script=Han}“A-Za-z0-9])/u;
/**
 * `轻资产模式跑得更快?` between statements: a short question with no clause in it. A question next
 * to another question (`谁是领头羊?谁最势不可挡?`) is the text asking, not a heading.
 */
const QUESTION_HEADING = /^[^,，;；:：、“”"]{4,12}[?？]$/u;
const isQuestion = (sentence: string | undefined) => sentence !== undefined && /[?？][”’」』)）]*$/u.test(sentence);
/** A turn in an interview (`小马哥:…`), a numbered section (`01云品仓改制…`), an enumerated point. */
const TURN = /^(?:\p{Script=Han}{2,4}[:：]|0[1-9](?!\d)|[一二三四五六七八九十]+、|[(（]?\d{1,2}[)）、])/u;
/** Digits glued to these are amounts and dates (`去年4月`, `2千亿`), not step numbers. */
const UNITS = '年月日号时点分秒万亿千百元块角个只件次位名家款天周倍成折岁斤米克种类期届级星条层楼部台套场轮批代季度项样章节集版多余来到';
/** What may come right before a step number after the first: the previous step's end. */
const STEP_AFTER = /[。!！?？)）”;；]/u;
const STEP_MARK = '、';
const STEP_BEFORE_FIRST = /[\p{Script=Han}。!！?？)）”:：;；]/u;

const length = (text: string) => [...text].length;

/** Sentences, each with its end and closing quotes; an end inside a quotation (`“来……吧”`) is not one. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let start = 0;
  let checked = 0;
  let open = 0;
  let openedAt = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    for (const [i, c] of [...text.slice(checked, end)].entries()) {
      if (open === 0 && QUOTE_OPENERS.includes(c)) openedAt = checked + i;
      open = Math.max(0, open + (QUOTE_OPENERS.includes(c) ? 1 : QUOTE_CLOSERS.includes(c) ? -1 : 0));
    }
    checked = end;
    // The scrape lost some closing quotes: a quotation this long has ended somewhere.
    if (open > 0 && end - openedAt <= MAX_QUOTE) continue;
    open = 0;
    result.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) result.push(text.slice(start));
  return result;
}

/** A sentence too long to read as one is cut at clause marks, or at MAX_SENTENCE when it has none. */
function readablePieces(sentence: string): string[] {
  if (length(sentence) <= MAX_SENTENCE) return [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const char of sentence) {
    current += char;
    const long = length(current);
    if ((CLAUSE_END.test(char) && long >= TARGET) || long >= MAX_SENTENCE) {
      pieces.push(current);
      current = '';
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Sentences into paragraphs of about `target` characters, starting a new one at an interview turn. */
function paragraphs(text: string, target: number): string[] {
  const result: string[] = [];
  let current = '';
  for (const sentence of sentences(text).flatMap(readablePieces)) {
    const soFar = length(current);
    const full = soFar >= Math.min(MIN_PARAGRAPH, target / 2) && soFar + length(sentence) > target;
    if (current !== '' && (full || (TURN.test(sentence) && soFar >= MIN_BEFORE_TURN))) {
      result.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current.trim() !== '') result.push(current);
  return result;
}

/**
 * Where glued step numbers 1, 2, 3… are, if the text has at least two of them: bare (`吧1无论是`)
 * or with their mark (`店铺1、方向`). A bare number after the first follows the previous step's end;
 * a marked one may follow anything but a digit.
 */
function findSteps(text: string): { offsets: number[]; marked: boolean } | undefined {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const c of chars) {
    offsets.push(offset);
    offset += c.length;
  }
  const han = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
  const candidates = chars.flatMap((c, i) => {
    if (!/^[1-9]$/.test(c) || /[\dA-Za-z.%+\-~～/]/.test(chars[i - 1] ?? '0')) return [];
    const next = chars[i + 1] ?? '';
    if (next === STEP_MARK && (han(chars[i + 2]) || chars[i + 2] === '“')) return [{ index: i, digit: Number(c), marked: true }];
    return han(next) && !UNITS.includes(next) ? [{ index: i, digit: Number(c), marked: false }] : [];
  });
  for (const first of candidates) {
    if (first.digit !== 1 || !STEP_BEFORE_FIRST.test(chars[first.index - 1] ?? '。')) continue;
    const steps = [first.index];
    for (const c of candidates) {
      const last = steps.at(-1)!;
      if (c.index - last > MAX_STEP_GAP) break;
      const follows = c.marked || STEP_AFTER.test(chars[c.index - 1]!);
      if (c.digit === steps.length + 1 && c.marked === first.marked && c.index - last >= MIN_STEP_GAP && follows) steps.push(c.index);
    }
    if (steps.length >= 2) return { offsets: steps.map((i) => offsets[i]!), marked: first.marked };
  }
  return undefined;
}

/** Headings glued to the start of sentences, then paragraphs. */
function proseBlocks(text: string, target: number): Block[] {
  const blocks: Block[] = [];
  let prose = '';
  const flush = () => {
    blocks.push(...paragraphs(prose, target).map((p): Block => ({ kind: 'paragraph', text: p })));
    prose = '';
  };
  const all = sentences(text);
  for (const [i, sentence] of all.entries()) {
    const colon = COLON_HEADING.exec(sentence)?.[0];
    const statementsAround = i > 0 && i < all.length - 1 && !isQuestion(all[i - 1]) && !isQuestion(all[i + 1]);
    if (colon && length(sentence) - length(colon) >= MIN_STEP_GAP) {
      flush();
      blocks.push({ kind: 'heading', depth: 2, text: colon });
      prose = sentence.slice(colon.length);
    } else if (statementsAround && QUESTION_HEADING.test(sentence)) {
      flush();
      blocks.push({ kind: 'heading', depth: 2, text: sentence });
    } else {
      prose += sentence;
    }
  }
  flush();
  return blocks;
}

function structure(text: string, target: number): Block[] {
  const found = findSteps(text);
  if (!found) return proseBlocks(text, target);
  const steps = found.offsets;
  const last = steps.at(-1)!;
  // The last step ends with its first sentence; what follows is the article again.
  const lastEnd = last + 1 + (sentences(text.slice(last + 1))[0]?.length ?? 0);
  const bounds = [...steps, lastEnd];
  // A bare number becomes the list's; a marked one (`1、`) stays in the text, its step a paragraph.
  const stepBlocks: Block[] = found.marked
    ? steps.flatMap((s, i) => paragraphs(text.slice(s, bounds[i + 1]), target).map((p): Block => ({ kind: 'paragraph', text: p })))
    : [{ kind: 'list', start: 1, items: steps.map((s, i) => paragraphs(text.slice(s + 1, bounds[i + 1]), target)) }];
  return [...proseBlocks(text.slice(0, steps[0]), target), ...stepBlocks, ...structure(text.slice(lastEnd), target)];
}

/** The blocks of a flattened text, whose text is the input's, character for character. */
export function restoreStructure(text: string): Block[] {
  let blocks = structure(text, TARGET);
  // Short sentences glued around a long one can leave a long body in two blocks: cut finer.
  for (let target = TARGET; target > MIN_PARAGRAPH && blocks.length < MIN_BLOCKS_OF_LONG_BODY && length(text) > LONG_BODY;) {
    target -= 50;
    blocks = structure(text, target);
  }
  return blocks.filter((b) => blockText(b) !== '');
}
