/**
 * A content-addressed cache that survives between builds (CI restores `.cache/`), so an
 * unchanged article is never rendered or converted twice. Keys are hashes of everything the value
 * depends on; a build keeps only the entries it used, so the file does not grow without bound.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../../config.ts';
import { hashOf } from '../../lib/hash.ts';

export class BuildCache<V> {
  private readonly file: string;
  private readonly stored: Map<string, V>;
  private readonly used = new Map<string, V>();
  hits = 0;
  misses = 0;

  private readonly version: string;

  /** `scope` separates caches of different content dirs; `version` invalidates on code changes. */
  constructor(name: string, scope: string, version: string) {
    this.version = version;
    this.file = path.join(settings.buildCacheDir, `${name}-${hashOf(scope).slice(0, 10)}.jsonl`);
    this.stored = this.read();
  }

  get(key: string, compute: () => V): V {
    let value = this.used.get(key) ?? this.stored.get(key);
    if (value === undefined) {
      value = compute();
      this.misses++;
    } else {
      this.hits++;
    }
    this.used.set(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.used.has(key) || this.stored.has(key);
  }

  /** A value computed elsewhere (in a worker) for `get` to find. */
  set(key: string, value: V): void {
    this.used.set(key, value);
    this.misses++;
  }

  save(): void {
    // Nothing new and nothing dropped: the file already holds exactly this (hundreds of MB to
    // write again at 10,000 articles).
    if (this.misses === 0 && this.used.size === this.stored.size) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    // One JSON line per entry, written as it goes: the whole cache as one JSON text passed
    // V8's longest string (512 MB) at 50,000 articles, and could not be read back.
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${JSON.stringify({ version: this.version })}\n`);
      for (const entry of this.used) writeSync(fd, `${JSON.stringify(entry)}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }

  private read(): Map<string, V> {
    try {
      const bytes = readFileSync(this.file);
      let start = 0;
      const nextLine = () => {
        const newline = bytes.indexOf(0x0a, start);
        const end = newline === -1 ? bytes.length : newline;
        const line = bytes.toString('utf8', start, end);
        start = end + 1;
        return line;
      };
      // The first line says which code wrote the entries: another's are not read at all.
      if ((JSON.parse(nextLine()) as { version?: string }).version !== this.version) return new Map();
      const entries = new Map<string, V>();
      while (start < bytes.length) {
        const line = nextLine();
        if (line) entries.set(...(JSON.parse(line) as [string, V]));
      }
      return entries;
    } catch {
      return new Map(); // no cache yet, or a damaged one: rebuild it
    }
  }
}
