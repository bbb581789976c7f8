/**
 * A content-addressed cache that survives between builds (CI restores `.cache/`), so an
 * unchanged article is never rendered or converted twice. Keys are hashes of everything the value
 * depends on. A build appends the entries it added; once the entries it did not use would
 * outnumber those it did, it writes the file anew with only the used ones, so the file stays
 * within twice what the archive needs.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';
import { removeAbandonedBeside, temporaryName } from '../temporary-names.ts';

export class BuildCache<V> {
  private readonly file: string;
  /** The file's entries as it was read: the values in its order, and each key's place. */
  private readonly values: V[] = [];
  private readonly places = new Map<string, number>();
  /**
   * Which of the file's entries this build used, a flag each: with a map of the used entries,
   * filled as a build asks for 250,000 of them at 50,000 articles, `find` took 0.32 s of an edit
   * rebuild's main thread, 0.14 s with the flags (`node --cpu-prof`).
   */
  private readonly used: Uint8Array;
  private usedCount = 0;
  /** The values this build computed (`get`) or was given (`set`). */
  private readonly added = new Map<string, V>();
  /** Entry lines in the file when it was read (0 if it was another code version's, or missing). */
  private lines = 0;
  hits = 0;

  private readonly version: string;

  /**
   * `scope` separates caches of different content dirs; `version` invalidates on code changes.
   * A stored value `usable` refuses is computed again (one whose body is no longer in the body
   * store, body-store.ts).
   */
  constructor(name: string, scope: string, version: string, usable: (value: V) => boolean = () => true) {
    this.version = version;
    this.file = path.join(settings.buildCacheDir, `${name}-${hashOf(scope).slice(0, 10)}.jsonl`);
    this.read(usable);
    this.used = new Uint8Array(this.values.length);
  }

  get(key: string, compute: () => V): V {
    const found = this.find(key);
    if (found !== undefined) return found;
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** The value under `key`, if there is one; it is kept for the next build, as `get` keeps it. */
  find(key: string): V | undefined {
    const added = this.added.get(key);
    if (added !== undefined) {
      this.hits++;
      return added;
    }
    const place = this.places.get(key);
    if (place === undefined) return undefined;
    this.hits++;
    this.use(place);
    return this.values[place];
  }

  has(key: string): boolean {
    return this.added.has(key) || this.places.has(key);
  }

  /** A value computed elsewhere (in a worker) for `get` to find. */
  set(key: string, value: V): void {
    this.added.set(key, value);
    const place = this.places.get(key);
    if (place !== undefined) this.use(place);
  }

  /** Writes what this build used for the next; the values the file holds now (what the next build may find). */
  save(): Iterable<V> {
    removeAbandonedBeside(this.file);
    const fresh = [...this.added].filter(([key]) => !this.places.has(key));
    const usedCount = this.usedCount + fresh.length;
    const kept = () => [...this.values, ...fresh.map(([, value]) => value)];
    // Nothing new and nothing dropped: the file already holds exactly this.
    if (fresh.length === 0 && this.usedCount === this.places.size) return kept();
    // An edit adds an entry or two to a file of hundreds of MB at 10,000 articles: writing it
    // anew took 1.0 s of a one-edit rebuild (profiled). A line cut short by a crash is skipped
    // when read, so appending is safe.
    if (this.lines > 0 && this.lines + fresh.length <= 2 * usedCount) {
      writeLines(this.file, 'a', fresh);
      return kept();
    }
    const entries: [string, V][] = [];
    for (const [key, place] of this.places) if (this.used[place] === 1) entries.push([key, this.added.get(key) ?? this.values[place]!]);
    entries.push(...fresh);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = temporaryName(this.file);
    writeLines(temp, 'w', entries, { version: this.version });
    renameSync(temp, this.file);
    return entries.map(([, value]) => value);
  }

  /** Marks the file's entry at `place` used. */
  private use(place: number): void {
    if (this.used[place] === 1) return;
    this.used[place] = 1;
    this.usedCount++;
  }

  /** Reads the file's entries (none if it is another code version's, missing or damaged at its first line). */
  private read(usable: (value: V) => boolean): void {
    const lines = linesOf(this.file);
    try {
      // The first line says which code wrote the entries: another's are not read at all.
      const header = lines.next();
      if (header.done || (JSON.parse(header.value) as { version?: string }).version !== this.version) return;
      for (const line of lines) {
        if (!line) continue;
        this.lines++;
        try {
          const [key, value] = JSON.parse(line) as [string, V];
          if (!usable(value)) continue;
          // A key twice (two builds appended at once): the later line is the one found.
          this.places.set(key, this.values.length);
          this.values.push(value);
        } catch {
          // A line cut short (a build stopped while appending): its entry is computed again.
        }
      }
    } catch {
      // No cache yet, or one whose first line is damaged: it is made again.
    } finally {
      lines.return(undefined); // closes the file when the entries were not all read
    }
  }
}

/**
 * The file's lines (UTF-8, split at \n), read `chunkBytes` at a time into one buffer: the whole
 * file at once was a second copy of the cache in memory while its entries were parsed (the
 * conversions' file alone holds about 750 MB at 50,000 articles), and a new buffer for each chunk
 * had V8 run full garbage collections for memory it does not hold (`--trace-gc`).
 */
export function* linesOf(file: string, chunkBytes = 1 << 24): Generator<string, void, undefined> {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    /** Bytes at the start of `buffer`: a line the last chunk ended in, then what was read after it. */
    let filled = 0;
    for (;;) {
      // A line longer than the buffer: it grows.
      if (filled === buffer.length) buffer = Buffer.concat([buffer], buffer.length * 2);
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      const bytes = buffer.subarray(0, filled + read);
      let start = 0;
      // The bytes kept from the last chunk hold no line's end.
      for (let end = bytes.indexOf(0x0a, filled); end !== -1; end = bytes.indexOf(0x0a, start)) {
        yield bytes.toString('utf8', start, end);
        start = end + 1;
      }
      filled = bytes.copy(buffer, 0, start);
    }
    if (filled > 0) yield buffer.toString('utf8', 0, filled);
  } finally {
    closeSync(fd);
  }
}

/**
 * One JSON line per entry, written as it goes (after a header line, if given): the whole cache as
 * one JSON text passed V8's longest string (512 MB) at 50,000 articles, and could not be read back.
 */
function writeLines(file: string, flags: 'a' | 'w', entries: Iterable<[string, unknown]>, header?: object): void {
  const fd = openSync(file, flags);
  try {
    if (header) writeSync(fd, `${JSON.stringify(header)}\n`);
    for (const entry of entries) writeSync(fd, `${JSON.stringify(entry)}\n`);
  } finally {
    closeSync(fd);
  }
}
