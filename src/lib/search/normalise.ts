/**
 * One script for both indexes and every query: text is folded to simplified characters, Latin
 * letters to lower case without accents and full-width forms to ASCII, one UTF-16 unit for one, so that an offset
 * in the folded text is the same offset in the text a reader sees (the excerpt relies on it).
 */

import { PHRASE_FOLDS } from './phrase-folds.generated.ts';

/** Traditional (or variant) character → its simplified form. */
export type ScriptMap = Readonly<Record<string, string>>;

/**
 * The map the browser applies to queries (about 3,500 characters, far smaller than shipping
 * OpenCC), and the build to the indexed text: each character to the one its class folds to. A class
 * is a simplified character with every character that OpenCC, converting it alone, turns into it,
 * and with those the zh-Hant pages show for it inside words (瞭 in 瞭解, phrase-folds.ts). Every
 * Han character of the Basic Multilingual Plane, not only those the archive holds: the map is then
 * the same for any archive, so a segment build makes it without the other segments' bodies; and a
 * reader who types a form the converter never writes (裏 where it writes 裡) still finds the word.
 * Classes, not single steps: 麼 converts to 么, which converts to 幺, so all three fold to 幺 (a
 * step each made the index's 什么 什幺 and the query 什麼 什么).
 */
export function buildScriptMap(toSimplified: (text: string) => string, folds = PHRASE_FOLDS.split(' ')): Record<string, string> {
  const parent = new Map<string, string>();
  const root = (ch: string): string => {
    const up = parent.get(ch);
    if (up === undefined) return ch;
    const top = root(up);
    parent.set(ch, top);
    return top;
  };
  const simplifiedSides = new Set(folds.map((fold) => fold[1]!));
  /** The Han characters OpenCC changes when converting them alone: the others are simplified forms. */
  const converted = new Set<string>();
  /** Which of two classes' characters the joined class folds to: a simplified form, one a fold names, the lower. */
  const rank = (ch: string) => [converted.has(ch) ? 1 : 0, simplifiedSides.has(ch) ? 0 : 1, ch.charCodeAt(0)];
  const before = (a: string, b: string) => {
    const [x, y] = [rank(a), rank(b)];
    return (x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!) < 0;
  };
  const join = (a: string, b: string) => {
    const [x, y] = [root(a), root(b)];
    if (x === y) return;
    if (before(x, y)) parent.set(y, x);
    else parent.set(x, y);
  };
  const members = new Set<string>();
  const pairs: [string, string][] = [];
  for (let unit = 0; unit < 0x10000; unit++) {
    const ch = String.fromCharCode(unit);
    if (!/\p{Script=Han}/u.test(ch)) continue;
    const simplified = toSimplified(ch);
    if (simplified === ch) continue;
    converted.add(ch);
    if (simplified.length === 1) pairs.push([ch, simplified]);
  }
  // Joined once every character is ranked: a class's end is then the same in whatever order it forms.
  for (const [ch, simplified] of pairs) {
    join(ch, simplified);
    members.add(ch).add(simplified);
  }
  for (const [shown, simplified] of folds.map((fold) => [...fold])) {
    join(shown!, simplified!);
    members.add(shown!).add(simplified!);
  }
  const map: Record<string, string> = {};
  for (const ch of members) if (root(ch) !== ch) map[ch] = root(ch);
  return map;
}

/** A Latin letter without its accents (é → e, İ → i): readers type café as often as cafe. */
const bareLatin = (ch: string) => (/\p{Script=Latin}/u.test(ch) ? ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : ch);

/** Folds one UTF-16 unit; anything whose folded form would change the length is kept as it is. */
function foldUnit(ch: string, map: ScriptMap): string {
  const mapped = map[ch];
  if (mapped !== undefined) return mapped;
  const nfkc = ch.normalize('NFKC').toLowerCase();
  const folded = nfkc.length === 1 ? nfkc : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  const bare = bareLatin(folded);
  return bare.length === 1 ? bare : folded;
}

/**
 * Each map's folds by unit code, -1 until a unit is first met: each unit is folded once a map
 * (`normalize` per character was most of the cost of indexing), then looked up in a table.
 */
const tables = new WeakMap<ScriptMap, Int32Array>();
const tableOf = (map: ScriptMap) => {
  let table = tables.get(map);
  if (!table) tables.set(map, (table = new Int32Array(0x10000).fill(-1)));
  return table;
};
/** Units turned back into a string at a time: as many as String.fromCharCode takes as arguments safely. */
const CHUNK = 8192;

/** The folded text: same length as `text`, unit for unit. */
export function normalise(text: string, map: ScriptMap): string {
  const table = tableOf(map);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let folded = table[unit]!;
    if (folded < 0) folded = table[unit] = foldUnit(text[i]!, map).charCodeAt(0);
    units[i] = folded;
  }
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.subarray(i, i + CHUNK));
  return out;
}
