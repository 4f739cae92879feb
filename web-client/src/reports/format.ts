// How report figures read on screen: counts with grouping, periods as UTC days (bytes: `format/units`).

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The first instant of a UTC day given as YYYY-MM-DD. */
export function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toISOString();
}

/** The instant after a UTC day given as YYYY-MM-DD (a period's excluded end). */
export function endOfDay(day: string): string {
  const end = new Date(`${day}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString();
}

/** YYYY-MM-DD of a UTC day `daysAgo` days before today. */
export function utcDay(daysAgo = 0): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() - daysAgo);
  return day.toISOString().slice(0, 10);
}

/** A period [from, to) as the UTC days it covers. */
export function formatPeriod(from: string, to: string): string {
  const first = from.slice(0, 10);
  const lastInstant = new Date(new Date(to).getTime() - 1).toISOString().slice(0, 10);
  return first === lastInstant ? first : `${first} – ${lastInstant}`;
}
