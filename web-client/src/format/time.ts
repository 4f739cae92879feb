/**
 * One home for how the app writes an instant (ADR 0253): the date in the order of the browser's locale, the clock
 * always on 24 hours — as RouterOS, its logs and the command log write it, and short enough for a chart's axis.
 * A format is built once per zone and kept: building one costs some 30 to 50 times formatting with it, which a table
 * of a hundred rows paid on every render (10,000 timestamps, Node 20: seconds built per value, a tenth of that kept). A format fixes the zone it was built in, so the kept ones are dropped when the zone's offsets
 * change (a laptop carried to another zone; tests that set TZ).
 */
type Instant = string | number | Date;

/** The clock every time of day is written with: 14:05. For a format of its own (a chart's bucket), spread it in. */
export const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const satisfies Intl.DateTimeFormatOptions;

const asDate = (at: Instant) => (at instanceof Date ? at : new Date(at));

// the zone as its offsets in winter and summer (two zones alike in both write every instant alike but for the days
// their clocks change on different dates): cheap to read each call, unlike a format's resolved zone
const JANUARY = Date.UTC(2026, 0, 15);
const JULY = Date.UTC(2026, 6, 15);
const zoneNow = () => `${new Date(JANUARY).getTimezoneOffset()}/${new Date(JULY).getTimezoneOffset()}`;

let zone = '';
const kept = new Map<string, Intl.DateTimeFormat>();

/** The format named `name`, built with `options` the first time in this zone. */
function format(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const current = zoneNow();
  if (current !== zone) {
    zone = current;
    kept.clear();
  }
  let made = kept.get(name);
  if (!made) {
    made = new Intl.DateTimeFormat(undefined, options);
    kept.set(name, made);
  }
  return made;
}

/** A timestamp in a table or a sentence: 11/28/2026, 14:05:09 (28/11/2026, 14:05:09 in en-GB). */
export function dateTime(at: Instant): string {
  return format('dateTime', { year: 'numeric', month: 'numeric', day: 'numeric', ...CLOCK, second: '2-digit' }).format(asDate(at));
}

/** A day without a time: 11/28/2026. */
export function calendarDate(at: Instant): string {
  return format('calendarDate', { year: 'numeric', month: 'numeric', day: 'numeric' }).format(asDate(at));
}

/** A clock time: 14:05, or 14:05:09 with `seconds`. */
export function clockTime(at: Instant, { seconds = false }: { seconds?: boolean } = {}): string {
  return (seconds ? format('clockSeconds', { ...CLOCK, second: '2-digit' }) : format('clock', CLOCK)).format(asDate(at));
}

/** A day of the year, short: Nov 28 (28 Nov in en-GB). */
export function dayMonth(at: Instant): string {
  return format('dayMonth', { day: 'numeric', month: 'short' }).format(asDate(at));
}

/** A day and a clock time, short: Nov 28, 14:05. */
export function dayMonthTime(at: Instant): string {
  return format('dayMonthTime', { day: 'numeric', month: 'short', ...CLOCK }).format(asDate(at));
}
