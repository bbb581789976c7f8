/**
 * Article bodies' HTML between builds, in the build cache. The build caches (build-cache.ts) keep
 * only where each body is, so a build holds no body it does not print: every body of the archive
 * in the caches' entries was 224 MB of cache at 10,000 articles, parsed again by every rebuild,
 * and an estimated 1 GB of the heap at 50,000 (decision record 8). A body is read from its place when a page
 * prints it or a search shard is made from it.
 *
 * Bodies are written in packs, a file of bodies one after another: a build worker writes one pack
 * of all the bodies it made (a file per body cost about 0.1 ms each in syscalls on a busy machine:
 * 1.4 s of each conversion worker's 9.6 s in a cold 10,000-article build). A pack is written under a temporary name and renamed once whole, so
 * a pack's name always holds all it should, even after a build that died; packs are never written
 * again. A pack goes when no cache entry names it any more. Deleting the folder is always safe:
 * entries whose pack is missing are made again.
 *
 * The packs are UTF-16: JavaScript's own strings, so reading a body is a copy. Decoding UTF-8 took
 * 34 µs a body (7.5 KB, mostly Han characters), UTF-16 9 µs, and a cold 10,000-article build reads
 * 50,000 of them (pages, search records, both variants' search fragments). They are smaller too.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { articleBody, type ArticleBody } from '../../lib/archive/variant.ts';
import { namesIn } from '../folder-names.ts';

/** Where a body is: its pack, and its bytes' offset and length there. */
export type BodyPlace = [pack: string, offset: number, bytes: number];

const PACK_FILE = /^[0-9a-f]{24}\.pack$/;
const ENCODING = 'utf16le';

/** Writes bodies into a new pack in `dir` (a worker's way in, or the main thread's): `close` names it. */
export class PackWriter {
  readonly #dir: string;
  readonly #name = `${randomBytes(12).toString('hex')}.pack`;
  #fd: number | undefined;
  #offset = 0;

  constructor(dir: string) {
    this.#dir = dir;
  }

  add(html: string): BodyPlace {
    if (this.#fd === undefined) {
      mkdirSync(this.#dir, { recursive: true });
      this.#fd = openSync(this.#temporary(), 'w');
    }
    const bytes = Buffer.from(html, ENCODING);
    writeSync(this.#fd, bytes);
    const place: BodyPlace = [this.#name, this.#offset, bytes.length];
    this.#offset += bytes.length;
    return place;
  }

  /** Names the pack (if anything was added): the places `add` gave can be read from now on. */
  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    renameSync(this.#temporary(), path.join(this.#dir, this.#name));
  }

  #temporary = () => path.join(this.#dir, `${this.#name}.tmp`);
}

/** The body at `place` in the store at `dir`. */
export function readBody(dir: string, [pack, offset, bytes]: BodyPlace): string {
  const fd = openSync(path.join(dir, pack), 'r');
  try {
    const buffer = Buffer.allocUnsafe(bytes);
    const read = readSync(fd, buffer, 0, bytes, offset);
    if (read !== bytes) throw new Error(`the build cache's body pack ${path.join(dir, pack)} is cut short: delete ${dir} and build again`);
    return buffer.toString(ENCODING);
  } finally {
    closeSync(fd);
  }
}

export class BodyStore {
  readonly dir: string;
  /** The packs there were when the build started, and those it wrote. */
  readonly #packs: Set<string>;
  /** Every file there was when the build started (temporary ones included). */
  readonly #found: Set<string>;

  constructor(dir: string) {
    this.dir = dir;
    this.#found = new Set(namesIn(dir));
    this.#packs = new Set([...this.#found].filter((name) => PACK_FILE.test(name)));
  }

  /** Whether the body at `place` can be read. */
  has([pack]: BodyPlace): boolean {
    return this.#packs.has(pack);
  }

  /** Stores one body (the main thread computes a body only now and then): its place. */
  put(html: string): BodyPlace {
    const pack = new PackWriter(this.dir);
    const place = pack.add(html);
    pack.close();
    this.added(place);
    return place;
  }

  /** A body written into the store elsewhere (a worker's pack). */
  added([pack]: BodyPlace): void {
    this.#packs.add(pack);
  }

  read(place: BodyPlace): string {
    return readBody(this.dir, place);
  }

  /** The body of `hash` at `place` as pages print it: its HTML is read from the store each time it is asked for. */
  body(hash: string, place: BodyPlace): ArticleBody {
    return articleBody(hash, () => this.read(place));
  }

  /**
   * Removes the packs no body in `keep` is in (and temporary files a killed build left); how many
   * files. Only files there were at the start or that this build wrote: another build using the
   * same cache meanwhile (`npm run dev` beside `npm run build`) may be writing or reading its own.
   */
  prune(keep: Iterable<BodyPlace>): number {
    const kept = new Set<string>();
    for (const [pack] of keep) kept.add(pack);
    const unused = namesIn(this.dir).filter((name) => !kept.has(name) && (this.#found.has(name) || this.#packs.has(name)));
    for (const name of unused) {
      rmSync(path.join(this.dir, name), { force: true });
      this.#packs.delete(name);
    }
    return unused.length;
  }
}
