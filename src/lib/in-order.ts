/**
 * Finds a list's entries by name where they are asked for in about the list's order, as a build
 * asks for the last build's pages (the routes offer them in the order they were written, unless
 * the content changed): each name is compared with the entry after the last one found, and looked
 * up in a map of every entry only when that is not it. At 50,000 articles, the pages' lookups in
 * maps and sets of 105,000 took about 1.7 s of an edit rebuild's main thread (`node --cpu-prof`,
 * against 0.07 s at 10,000: entries scattered over a heap too large for the processor's caches).
 * Names are unique in a list (one entry a page); where they are not, the entry found may be any
 * of that name.
 */
export class InOrder<T> {
  readonly #entries: readonly T[];
  readonly #nameOf: (entry: T) => string;
  /** Where the next name asked for is expected. */
  #next = 0;
  /** Every entry's position by name, made when a name is first not where expected. */
  #positions: Map<string, number> | undefined;

  constructor(entries: readonly T[], nameOf: (entry: T) => string) {
    this.#entries = entries;
    this.#nameOf = nameOf;
  }

  /** The position of the entry named `name`, if there is one; the next name is expected after it. */
  find(name: string): number | undefined {
    const next = this.#entries[this.#next];
    if (next !== undefined && this.#nameOf(next) === name) return this.#next++;
    this.#positions ??= new Map(this.#entries.map((entry, at) => [this.#nameOf(entry), at]));
    const at = this.#positions.get(name);
    if (at !== undefined) this.#next = at + 1;
    return at;
  }
}
