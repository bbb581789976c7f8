/**
 * Archive dates. A date without an offset is Beijing wall-clock time and is shown exactly as
 * written; one with an offset is an instant, shown in Beijing time. Nothing here reads the
 * machine's time zone, so every machine builds the same pages.
 */
import { ARCHIVE_UTC_OFFSET_MINUTES } from '../consts.ts';

export interface ArchiveDate {
  /** Milliseconds since the epoch: for sorting and feeds. */
  epochMs: number;
  /** Beijing calendar day, `YYYY-MM-DD`. */
  day: string;
  /** What readers see: `2019-05-14 09:28:18`, or `2019-05-14` for a date without a time. */
  display: string;
  /** ISO 8601 with the +08:00 offset: for `<time datetime>`, JSON-LD and feeds. */
  iso: string;
}

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Parse a front-matter date, or return why it can't be one (for the error message). */
export function parseArchiveDate(text: string): ArchiveDate | { error: string } {
  const m = PATTERN.exec(text.trim());
  if (!m) {
    return { error: `expected a date like 2019-05-14 09:28:18, 2019-05-14 or 2019-05-14T09:28:18+08:00, got "${text}"` };
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59
  ) {
    return { error: `"${text}" is not a real date or time (check the day of the month and the hour)` };
  }
  const zone = m[8];
  const offset = zone === undefined ? ARCHIVE_UTC_OFFSET_MINUTES : parseOffset(zone);
  const epochMs = wall - offset * 60_000;
  return fromEpoch(epochMs, hasTime);
}

function parseOffset(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The Beijing-time view of an instant. */
export function fromEpoch(epochMs: number, hasTime = true): ArchiveDate {
  const b = new Date(epochMs + ARCHIVE_UTC_OFFSET_MINUTES * 60_000);
  const day = `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())}`;
  const time = `${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}:${pad(b.getUTCSeconds())}`;
  return {
    epochMs,
    day,
    display: hasTime ? `${day} ${time}` : day,
    iso: `${day}T${time}+08:00`,
  };
}

/** Now, in Beijing time, as a front-matter date (`2019-05-14 09:28:18`). */
export function beijingNow(now: Date = new Date()): string {
  return fromEpoch(now.getTime()).display;
}
