/**
 * Runs the old site's encoding error mangled: `急需某樣?xùn)|西`, `我們?nèi)绻峭粋€賬戶`. Their
 * signature is a `?` glued to pinyin-like Latin letters, or characters no Chinese article uses
 * (`€`, `|`, U+FFFD). Signs close together are one run; each is returned with a little context,
 * for the summary to show a writer.
 */
const SIGN = /\?[a-zà-ɏ]+\)?\|?|[€|\uFFFD]/gu;
/** Signs this close belong to one damaged run. */
const JOIN_WITHIN = 8;
const CONTEXT = 3;

export function findMangledRuns(text: string): string[] {
  const runs: [number, number][] = [];
  for (const m of text.matchAll(SIGN)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const last = runs.at(-1);
    if (last && start - last[1] <= JOIN_WITHIN) last[1] = end;
    else runs.push([start, end]);
  }
  return runs.map(([start, end]) => text.slice(Math.max(0, start - CONTEXT), end + CONTEXT));
}
