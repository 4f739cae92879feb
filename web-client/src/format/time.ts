/**
 * One home for how the app writes an instant (ADR 0253): the date in the order of the browser's locale, the clock
 * always on 24 hours — as RouterOS, its logs and the command log write it, and short enough for a chart's axis.
 * Formats are built per call: the zone is read when a format is made, and tests change it.
 */
type Instant = string | number | Date;

/** The clock every time of day is written with: 14:05. For a format of its own (a chart's bucket), spread it in. */
export const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const satisfies Intl.DateTimeFormatOptions;

const asDate = (at: Instant) => (at instanceof Date ? at : new Date(at));

/** A timestamp in a table or a sentence: 11/28/2026, 14:05:09 (28/11/2026, 14:05:09 in en-GB). */
export function dateTime(at: Instant): string {
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', ...CLOCK, second: '2-digit' }).format(asDate(at));
}

/** A day without a time: 11/28/2026. */
export function calendarDate(at: Instant): string {
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(asDate(at));
}

/** A clock time: 14:05, or 14:05:09 with `seconds`. */
export function clockTime(at: Instant, { seconds = false }: { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat(undefined, { ...CLOCK, ...(seconds ? { second: '2-digit' } : {}) }).format(asDate(at));
}

/** A day of the year, short: Nov 28 (28 Nov in en-GB). */
export function dayMonth(at: Instant): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(asDate(at));
}

/** A day and a clock time, short: Nov 28, 14:05. */
export function dayMonthTime(at: Instant): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', ...CLOCK }).format(asDate(at));
}
