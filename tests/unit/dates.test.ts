import { describe, expect, it } from 'vitest';
import { beijingNow, parseArchiveDate } from '../../src/lib/dates.ts';

describe('parseArchiveDate', () => {
  it.each([
    // Without an offset: Beijing time, shown exactly as written.
    ['2019-05-14 09:28:18', '2019-05-14 09:28:18', '2019-05-14T01:28:18.000Z', '2019-05-14'],
    ['2019-05-14T09:28:18', '2019-05-14 09:28:18', '2019-05-14T01:28:18.000Z', '2019-05-14'],
    ['2019-05-14 00:30:00', '2019-05-14 00:30:00', '2019-05-13T16:30:00.000Z', '2019-05-14'],
    ['2019-05-14', '2019-05-14', '2019-05-13T16:00:00.000Z', '2019-05-14'],
    ['2019-05-14 09:28', '2019-05-14 09:28:00', '2019-05-14T01:28:00.000Z', '2019-05-14'],
    // With an offset: an instant, shown in Beijing time.
    ['2019-05-14T09:28:18+08:00', '2019-05-14 09:28:18', '2019-05-14T01:28:18.000Z', '2019-05-14'],
    ['2019-05-13T16:30:00Z', '2019-05-14 00:30:00', '2019-05-13T16:30:00.000Z', '2019-05-14'],
    ['2019-05-13T20:00:00-04:00', '2019-05-14 08:00:00', '2019-05-14T00:00:00.000Z', '2019-05-14'],
    ['2019-12-31T23:59:59.5+0800', '2019-12-31 23:59:59', '2019-12-31T15:59:59.500Z', '2019-12-31'],
  ])('%s', (input, display, utc, day) => {
    const d = parseArchiveDate(input);
    if ('error' in d) throw new Error(d.error);
    expect(d.display).toBe(display);
    expect(new Date(d.epochMs).toISOString()).toBe(utc);
    expect(d.day).toBe(day);
    expect(d.iso.endsWith('+08:00')).toBe(true);
  });

  it.each([
    ['2019-02-30', 'is not a real date'],
    ['2019-02-29 10:00:00', 'is not a real date'],
    ['2019-05-14 24:00:00', 'is not a real date'],
    ['2019-13-01', 'is not a real date'],
    ['14/05/2019', 'expected a date like'],
    ['2019年5月14日', 'expected a date like'],
    ['', 'expected a date like'],
  ])('rejects %j', (input, message) => {
    const d = parseArchiveDate(input);
    expect('error' in d && d.error).toContain(message);
  });

  it('accepts leap days', () => {
    expect(parseArchiveDate('2020-02-29')).not.toHaveProperty('error');
  });

  it('gives "now" in Beijing time whatever the machine zone', () => {
    expect(beijingNow(new Date('2019-05-13T16:30:00Z'))).toBe('2019-05-14 00:30:00');
  });
});
