import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate, clockTime, dateTime, dayMonth, dayMonthTime } from './time';

describe('time formats', () => {
  const zone = process.env.TZ;
  beforeEach(() => (process.env.TZ = 'America/New_York'));
  afterEach(() => (process.env.TZ = zone));

  // any instant, in a locale whose default clock is 12-hour (the tests' en-US): every form with a time reads the local
  // hour on a 24-hour clock, the same way in the tables, the legends and the axes
  it('writes every time of day on a 24-hour clock, whatever the locale would default to', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 500; run++) {
      const at = new Date(1_700_000_000_000 + Math.floor(random() * 400 * 86_400_000));
      const hour = String(at.getHours()).padStart(2, '0');
      const minute = String(at.getMinutes()).padStart(2, '0');
      const second = String(at.getSeconds()).padStart(2, '0');
      for (const text of [dateTime(at), clockTime(at), clockTime(at, { seconds: true }), dayMonthTime(at)]) {
        expect(text, at.toString()).not.toMatch(/AM|PM/i);
      }
      expect(dateTime(at)).toContain(`${hour}:${minute}:${second}`);
      expect(clockTime(at)).toBe(`${hour}:${minute}`);
      expect(clockTime(at, { seconds: true })).toBe(`${hour}:${minute}:${second}`);
      expect(dayMonthTime(at)).toContain(`${hour}:${minute}`);
      expect(dayMonthTime(at)).toContain(dayMonth(at));
      expect(dateTime(at)).toContain(calendarDate(at));
    }
  });

  // a format built per value cost tens of times the formatting itself: a table of timestamps builds each form once
  it('builds each form once for any number of values, and again only when the zone changes', () => {
    const original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
        built++;
        return new target(...args);
      },
    });
    try {
      const writeAll = (at: Date) => [dateTime(at), calendarDate(at), clockTime(at), clockTime(at, { seconds: true }), dayMonth(at), dayMonthTime(at)];
      const at = new Date(Date.UTC(2026, 10, 28, 13, 5, 9));
      for (let row = 0; row < 200; row++) writeAll(new Date(at.getTime() + row * 61_000));
      expect(built).toBeLessThanOrEqual(6);
      expect(clockTime(at)).toBe('08:05');
      // the zone changed under the page: the kept forms go with it
      process.env.TZ = 'Asia/Kolkata';
      expect(clockTime(at)).toBe('18:35');
      expect(dateTime(at)).toContain('18:35:09');
    } finally {
      Intl.DateTimeFormat = original;
    }
  });

  it('reads an ISO string from the API as the same instant', () => {
    const at = new Date(2026, 10, 28, 14, 5, 9);
    expect(dateTime(at.toISOString())).toBe(dateTime(at));
    expect(clockTime(at.getTime())).toBe('14:05');
  });
});

// one home: a page writing a time with the locale's defaults would read "2:05:09 PM" beside the charts' "14:05"
describe('time formatting lives in format/time', () => {
  const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../gql/**', '!./time.ts'], { query: '?raw', import: 'default', eager: true });

  it.each([
    ['a Date written with toLocaleString', /new Date\([^)]*\)\.toLocaleString\(/],
    ['toLocaleTimeString', /\.toLocaleTimeString\(/],
    ['toLocaleDateString', /\.toLocaleDateString\(/],
    ['a clock format of its own', /hour:\s*'(2-digit|numeric)'/],
  ])('no source file uses %s', (_what, pattern) => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    const offenders = Object.entries(sources)
      .filter(([, text]) => pattern.test(text as string))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
