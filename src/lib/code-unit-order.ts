/** Plain `<`/`>` order of strings, by UTF-16 code unit: `localeCompare` would depend on the machine's locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
