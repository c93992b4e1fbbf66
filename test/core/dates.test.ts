// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatServerDate, formatServerDateTime, parseServerDate, parseServerOffset } from '../../src/core/dates';

const NOON_UTC = Date.parse('2026-03-02T12:00:00.000Z');

describe('parseServerDate', () => {
  it('should read a zone-less server date with the server offset as the instant it names', () => {
    expect(parseServerDate('2026-03-02T13:00:00', 60)?.getTime()).toBe(NOON_UTC);
    expect(parseServerDate('2026-03-02T07:00:00', -300)?.getTime()).toBe(NOON_UTC);
    expect(parseServerDate('2026-03-02T12:00:00', 0)?.getTime()).toBe(NOON_UTC);
    expect(parseServerDate('2026-03-02 17:30:00', 330)?.getTime()).toBe(NOON_UTC);
  });

  it('should read a zone-less server date without an offset as given, on the reader clock', () => {
    const date = parseServerDate('2026-03-02T13:05:09')!;
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2026, 2, 2]);
    expect([date.getHours(), date.getMinutes(), date.getSeconds()]).toEqual([13, 5, 9]);
  });

  it('should read ISO text with Z, an offset or a fraction as that instant, whatever the server offset', () => {
    for (const offset of [undefined, 0, 60, -480]) {
      expect(parseServerDate('2026-03-02T12:00:00Z', offset)?.getTime()).toBe(NOON_UTC);
      expect(parseServerDate('2026-03-02T12:00:00.250Z', offset)?.getTime()).toBe(NOON_UTC + 250);
      expect(parseServerDate('2026-03-02T13:00:00+01:00', offset)?.getTime()).toBe(NOON_UTC);
      expect(parseServerDate('2026-03-02T04:00:00.5-0800', offset)?.getTime()).toBe(NOON_UTC + 500);
    }
    expect(parseServerDate('2026-03-02T13:00:00.123', 60)?.getTime()).toBe(NOON_UTC + 123);
  });

  it('should take epoch ms as numbers or digits, and give undefined for what does not parse', () => {
    expect(parseServerDate(NOON_UTC)?.toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(parseServerDate(String(NOON_UTC))?.getTime()).toBe(NOON_UTC);
    for (const bad of [undefined, null, '', 'soon', '2026-02-30T10:00:00', '2026-13-01T00:00:00', Number.NaN]) {
      expect(parseServerDate(bad, 0)).toBeUndefined();
    }
  });
});

describe('parseServerOffset', () => {
  it('should give the offset systemTimeISO8601 carries, in minutes east of UTC', () => {
    expect(parseServerOffset('2026-03-02T13:00:00+01:00')).toBe(60);
    expect(parseServerOffset('2026-03-02T06:30:00-05:30')).toBe(-330);
    expect(parseServerOffset('2026-03-02T12:00:00.000Z')).toBe(0);
    expect(parseServerOffset('2026-03-02T12:00:00')).toBeUndefined();
    expect(parseServerOffset(undefined)).toBeUndefined();
  });
});

describe('formatServerDate', () => {
  it('should write the server forms: wall clock without fraction or zone, and with the offset', () => {
    expect(formatServerDate(NOON_UTC + 999, 0)).toBe('2026-03-02T12:00:00');
    expect(formatServerDate(NOON_UTC, 60)).toBe('2026-03-02T13:00:00');
    expect(formatServerDateTime(NOON_UTC, 60)).toBe('2026-03-02T13:00:00+01:00');
    expect(formatServerDateTime(NOON_UTC, -330)).toBe('2026-03-02T06:30:00-05:30');
    expect(formatServerDateTime(NOON_UTC, 0)).toBe('2026-03-02T12:00:00+00:00');
    for (const offset of [-720, -330, 0, 60, 345, 840]) {
      const text = formatServerDateTime(NOON_UTC, offset);
      expect(parseServerDate(text)?.getTime()).toBe(NOON_UTC);
      expect(parseServerDate(formatServerDate(NOON_UTC, offset), parseServerOffset(text))?.getTime()).toBe(NOON_UTC);
    }
  });
});
