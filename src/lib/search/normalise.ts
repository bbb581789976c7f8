/**
 * One script for both indexes and every query: text is folded to simplified characters, Latin
 * letters to lower case without accents and full-width forms to ASCII, one UTF-16 unit for one, so that an offset
 * in the folded text is the same offset in the text a reader sees (the excerpt relies on it).
 */

/** Traditional (or variant) character → its simplified form. */
export type ScriptMap = Readonly<Record<string, string>>;

/**
 * The map the browser applies to queries (3,425 characters, far smaller than shipping OpenCC): every
 * Han character of the Basic Multilingual Plane that OpenCC, converting it alone, turns into
 * exactly one other character. Every one, not only those the archive holds: the map is then the
 * same for any archive, so a segment build makes it without the other segments' bodies; and a
 * reader who types a form the converter never writes (裏 where it writes 裡) still finds the word.
 */
export function buildScriptMap(toSimplified: (text: string) => string): Record<string, string> {
  const map: Record<string, string> = {};
  for (let unit = 0; unit < 0x10000; unit++) {
    const ch = String.fromCharCode(unit);
    if (!/\p{Script=Han}/u.test(ch)) continue;
    const simplified = toSimplified(ch);
    if (simplified !== ch && simplified.length === 1) map[ch] = simplified;
  }
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
