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

  const offset = (date: string, zone: string) =>
    `"${date}" has the UTC offset ${zone}, which no place uses ` +
    '(offsets are at most ±14:00, minutes under 60): write +08:00 for Beijing time, or leave the offset out';
  it.each([
    ['2019-05-14T09:28:18+99:99', offset('2019-05-14T09:28:18+99:99', '+99:99')],
    ['2019-05-14T09:28:18+14:01', offset('2019-05-14T09:28:18+14:01', '+14:01')],
    ['2019-05-14T09:28:18-1500', offset('2019-05-14T09:28:18-1500', '-1500')],
    ['2019-05-14T09:28:18+08:60', offset('2019-05-14T09:28:18+08:60', '+08:60')],
    ['0999-01-01', '"0999-01-01" is in the year 999: archive dates are from 1990 to 2100; check the year'],
    ['1989-12-31 23:59:59', '"1989-12-31 23:59:59" is in the year 1989: archive dates are from 1990 to 2100; check the year'],
    ['2109-05-14', '"2109-05-14" is in the year 2109: archive dates are from 1990 to 2100; check the year'],
    ['0000-01-01', '"0000-01-01" is in the year 0: archive dates are from 1990 to 2100; check the year'],
  ])('rejects an impossible offset or year: %s', (input, error) => {
    expect(parseArchiveDate(input)).toEqual({ error });
  });

  it.each(['2019-05-14T09:28:18+14:00', '2019-05-14T09:28:18-14:00', '2019-05-14T09:28:18+05:45', '1990-01-01', '2100-12-31 23:59:59'])(
    'accepts the extremes that exist: %s',
    (input) => {
      const d = parseArchiveDate(input);
      expect(d).not.toHaveProperty('error');
      expect((d as { iso: string }).iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    },
  );

  it('accepts leap days', () => {
    expect(parseArchiveDate('2020-02-29')).not.toHaveProperty('error');
  });

  it('gives "now" in Beijing time whatever the machine zone', () => {
    expect(beijingNow(new Date('2019-05-13T16:30:00Z'))).toBe('2019-05-14 00:30:00');
  });
});
