/**
 * One script for both indexes and every query: text is folded to simplified characters, Latin
 * letters to lower case and full-width forms to ASCII, one UTF-16 unit for one, so that an offset
 * in the folded text is the same offset in the text a reader sees (the excerpt relies on it).
 */

/** Traditional (or variant) character → its simplified form, for the characters the archive uses. */
export type ScriptMap = Readonly<Record<string, string>>;

/**
 * The map the browser applies to queries, built from the characters the archive's texts (both
 * variants) actually contain: far smaller than shipping OpenCC. A character maps when OpenCC,
 * converting it alone, gives exactly one different character.
 */
export function buildScriptMap(texts: Iterable<string>, toSimplified: (text: string) => string): Record<string, string> {
  // Which UTF-16 units occur at all (one pass of plain loads over tens of MB of text), then which
  // of those are Han characters: a regex test per character took seconds on a large archive.
  const seen = new Uint8Array(0x10000);
  for (const text of texts) for (let i = 0; i < text.length; i++) seen[text.charCodeAt(i)] = 1;
  const map: Record<string, string> = {};
  for (let unit = 0; unit < seen.length; unit++) {
    const ch = String.fromCharCode(unit);
    if (!seen[unit] || !/\p{Script=Han}/u.test(ch)) continue;
    const simplified = toSimplified(ch);
    if (simplified !== ch && simplified.length === 1) map[ch] = simplified;
  }
  return map;
}

/** Width and case folds, by unit: `normalize` per character was most of the cost of indexing. */
const folds = new Map<string, string>();

/** Folds one UTF-16 unit; anything whose folded form would change the length is kept as it is. */
function foldUnit(ch: string, map: ScriptMap): string {
  const mapped = map[ch];
  if (mapped !== undefined) return mapped;
  let folded = folds.get(ch);
  if (folded === undefined) {
    const nfkc = ch.normalize('NFKC').toLowerCase();
    folded = nfkc.length === 1 ? nfkc : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    folds.set(ch, folded);
  }
  return folded;
}

/** The folded text: same length as `text`, unit for unit. */
export function normalise(text: string, map: ScriptMap): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!, map);
  return out;
}
