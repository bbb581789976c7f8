/**
 * Titles and summaries for listing articles, whose titles the scrape lost: the opening sentence,
 * cut at clause boundaries so the result reads as a headline a writer can keep or edit.
 */
export const MAX_TITLE = 30;
/** A title shorter than this (`近两年`) is topped up with the start of the next clause. */
const MIN_TITLE = 10;
export const MAX_SUMMARY = 120;

/** Sentence ends; a `?` glued to Latin letters is a mangled run (`樣?xùn)`), not an end. */
const SENTENCE_END = /[。!\uFF01\uFF1F]+|\?(?![a-zà-ɏ])|…+/u;
const CLAUSE_MARKS = new Set([',', '\uFF0C', ';', '\uFF1B', ':', '\uFF1A']);
const OPENERS: Record<string, string> = { '“': '”', '《': '》', '(': ')', '\uFF08': '\uFF09', '「': '」', '【': '】', '‘': '’' };
const CLOSERS = new Set(Object.values(OPENERS));

/**
 * Lead-ins that say when or how the news came, not what it is: `5月13日消息`, `日前`,
 * `一起惠获悉`. A title starting with one reads like a wire, so they are skipped.
 */
const LEAD_IN =
  /^(?:\d{1,2}月\d{1,2}日(?:起|晚间|上午|下午)?(?:消息)?|消息|日前|近日|近期|据悉|据了解|据发现|[\p{Script=Han}]{0,6}(?:获悉|发现|了解到)|据[\p{Script=Han}]{1,10}报道)$/u;

/**
 * A last clause that only leads on (`毕竟方便又快捷`, `在上季度`) makes a headline trail off: it is
 * dropped when what remains is long enough.
 */
const TRAILING = /^(?:毕竟|但是|但|而且|并且|因为|所以|不过|于是|然而|甚至|同时|因此|其实|比如|例如|尤其)|^.{1,4}$/u;

interface Clause {
  text: string;
  /** The mark that ended the clause ('' at the end of the sentence). */
  mark: string;
}

function firstSentence(text: string): { sentence: string; end: string } {
  const m = SENTENCE_END.exec(text);
  if (!m) return { sentence: text, end: '' };
  let end = m.index + m[0].length;
  while (end < text.length && CLOSERS.has(text[end]!)) end++;
  return { sentence: text.slice(0, m.index), end: text.slice(m.index, end) };
}

/** Clauses split at commas, semicolons and colons outside quotes and brackets. */
function clauses(sentence: string): Clause[] {
  const result: Clause[] = [];
  const open: string[] = [];
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (OPENERS[c]) open.push(OPENERS[c]);
    else if (c === open.at(-1)) open.pop();
    else if (open.length === 0 && CLAUSE_MARKS.has(c)) {
      result.push({ text: sentence.slice(start, i).trim(), mark: c });
      start = i + 1;
    }
  }
  result.push({ text: sentence.slice(start).trim(), mark: '' });
  return result.filter((c) => c.text !== '');
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words, with Latin runs the segmenter splits (`Pre-A`, `1.6`) kept whole. */
function words(text: string): string[] {
  const result: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = result.at(-1);
    if (last !== undefined && /[\w.-]$/.test(last) && /^[\w.-]/.test(segment)) result[result.length - 1] = last + segment;
    else result.push(segment);
  }
  return result;
}

/** The longest run of whole words of `text` within `max` characters that leaves no quote open. */
export function cutAtWord(text: string, max: number): string {
  let cut = '';
  for (const word of words(text)) {
    if ([...cut].length + [...word].length > max) break;
    cut += word;
  }
  const opened = [...cut].reduce<string[]>((stack, c) => {
    if (OPENERS[c]) stack.push(c);
    else if (stack.length > 0 && OPENERS[stack.at(-1)!] === c) stack.pop();
    return stack;
  }, []);
  if (opened.length > 0) {
    const before = cut.slice(0, cut.indexOf(opened[0]!));
    if ([...before].length >= max / 3) cut = before;
  }
  return cut.replace(/[,\uFF0C;\uFF1B:\uFF1A、\s]+$/u, '');
}

/** Clauses from the first joined while they fit in `max`, and how many were taken. */
function joinClauses(list: Clause[], max: number): { text: string; taken: number } {
  let text = '';
  let taken = 0;
  for (const [i, clause] of list.entries()) {
    const next = text + (i > 0 ? list[i - 1]!.mark : '') + clause.text;
    if ([...next].length > max) break;
    text = next;
    taken = i + 1;
  }
  return { text, taken };
}

export function deriveTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const { sentence, end } = firstSentence(flat);
  // A short question or exclamation is a headline as it stands, marks and quotes included.
  if (/^[!?\uFF01\uFF1F]/.test(end) && [...(sentence + end)].length <= MAX_TITLE) return sentence + end;
  // A sentence that is all one quotation splits into clauses like any other.
  const all = clauses(sentence.startsWith('“') && end.endsWith('”') ? sentence.slice(1) : sentence);
  let lead = 0;
  while (lead < all.length - 1 && LEAD_IN.test(all[lead]!.text)) lead++;
  const rest = all.slice(lead);
  let { text: joined, taken } = joinClauses(rest, MAX_TITLE);
  if (taken === 0) return cutAtWord(rest[0]?.text ?? flat, MAX_TITLE);
  while (taken > 1 && TRAILING.test(rest[taken - 1]!.text)) {
    const shorter = joinClauses(rest.slice(0, taken - 1), MAX_TITLE).text;
    if ([...shorter].length < MIN_TITLE) break;
    joined = shorter;
    taken -= 1;
  }
  const next = rest[taken];
  if ([...joined].length >= MIN_TITLE || next === undefined) return joined;
  const mark = rest[taken - 1]!.mark;
  const topUp = cutAtWord(next.text, MAX_TITLE - [...joined].length - [...mark].length);
  return topUp === '' ? joined : joined + mark + topUp;
}

/** The opening sentences within MAX_SUMMARY characters, or the first one cut at a clause with "…". */
export function deriveSummary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let summary = '';
  let rest = flat;
  while (rest !== '') {
    const { sentence, end } = firstSentence(rest);
    const next = summary + sentence + end;
    if ([...next].length > MAX_SUMMARY) break;
    summary = next;
    rest = rest.slice(sentence.length + end.length).trimStart();
  }
  if (summary !== '') return summary.trim();
  const { text: joined, taken } = joinClauses(clauses(firstSentence(flat).sentence), MAX_SUMMARY - 1);
  return `${taken > 0 ? joined : cutAtWord(flat, MAX_SUMMARY - 1)}…`;
}
