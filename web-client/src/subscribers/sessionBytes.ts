import { bytes } from '../live/format';

/**
 * How often the platform reads a session's interface counters (`towerline.sessions.sample-interval`, default 60 s).
 * The speed comes from `monitor-traffic` every second; the byte totals only from this sample, so for up to one
 * interval after a login there are none yet.
 */
export const COUNT_INTERVAL_MS = 60_000;
/** Slack for the sample to be read, stored and visible before the page asks again. */
const READ_SLACK_MS = 5_000;

export interface SessionCounts {
  loginAt: string;
  countersAt?: string | null;
  counters: { rxBytes: number; txBytes: number };
}

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The byte totals as the page shows them. Before the first sample the totals are not zero but unknown: the text says
 * when they are counted instead of showing "0 B" beside a chart that already moves megabits.
 */
export function sessionBytesText(session: SessionCounts, now: number): string {
  if (session.countersAt) {
    return `↓ ${bytes(session.counters.txBytes)} ↑ ${bytes(session.counters.rxBytes)} · counted ${clock(Date.parse(session.countersAt))}`;
  }
  const due = Date.parse(session.loginAt) + COUNT_INTERVAL_MS;
  // a minute rounded up: "by 18:43" is never earlier than the sample can come
  const byMinute = Math.ceil(due / 60_000) * 60_000;
  return now <= byMinute
    ? `Bytes counted every minute — first count by ${clock(byMinute)}`
    : 'Bytes counted every minute — first count not in yet';
}

/** When the page should read the session again to show the next count: one interval after the last (or the login). */
export function nextCountAt(session: SessionCounts, now: number): number {
  const last = Date.parse(session.countersAt ?? session.loginAt);
  let due = last + COUNT_INTERVAL_MS + READ_SLACK_MS;
  // a sample that is late is looked for once an interval, not in a tight loop
  while (due <= now) due += COUNT_INTERVAL_MS;
  return due;
}
