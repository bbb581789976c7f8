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

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The years an archive date may have. The archive starts around 2010 and China's e-commerce press
 * a decade before that, so a year before 1990 (0999, 1019) or after 2100 (2109) is a typo; the
 * bounds also keep every year four digits long, which the pages' `datetime` needs.
 */
export const YEARS = { first: 1990, last: 2100 } as const;
/** UTC offsets in use on Earth run from -12:00 to +14:00; ±14:00 allows every real one. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Parse a front-matter date, or return why it can't be one (for the error message). */
export function parseArchiveDate(text: string): ArchiveDate | { error: string } {
  const m = PATTERN.exec(text.trim());
  if (!m) {
    return { error: `expected a date like 2019-05-14 09:28:18, 2019-05-14 or 2019-05-14T09:28:18+08:00, got "${text}"` };
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // First: Date.UTC reads the years 0-99 as 1900-1999, so such a date would look impossible instead.
  if (year < YEARS.first || year > YEARS.last) {
    return { error: `"${text}" is in the year ${year}: archive dates are from ${YEARS.first} to ${YEARS.last}; check the year` };
  }
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { error: `"${text}" is not a real date or time (check the day of the month and the hour)` };
  }
  const zone = m[8];
  const offset = zone === undefined ? ARCHIVE_UTC_OFFSET_MINUTES : parseOffset(zone);
  if (offset === undefined) {
    return {
      error:
        `"${text}" has the UTC offset ${zone}, which no place uses (offsets are at most ±14:00, minutes under 60): ` +
        'write +08:00 for Beijing time, or leave the offset out',
    };
  }
  const epochMs = wall - offset * 60_000;
  return fromEpoch(epochMs, hasTime);
}

/** Minutes east of UTC, or undefined for an offset no clock uses. */
function parseOffset(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
  const total = hours * 60 + minutes;
  return minutes > 59 || total > MAX_OFFSET_MINUTES ? undefined : sign * total;
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
