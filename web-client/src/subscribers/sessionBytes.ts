import { decimalBytes } from '../format/units';
import { clockTime } from '../format/time';

/** Slack for the sample to be read, stored and visible before the page asks again. */
const READ_SLACK_MS = 5_000;

/**
 * A session's counters as the page reads them. The speed comes from `monitor-traffic` every second; the byte totals
 * only from the platform's counter sample every `countersEvery` seconds (`towerline.sessions.sample-interval`), so for
 * up to one interval after a login there are none yet.
 */
export interface SessionCounts {
  loginAt: string;
  countersAt?: string | null;
  countersEvery: number;
  counters: { rxBytes: number; txBytes: number };
}

/** "every minute", "every 5 minutes", "every 30 s". */
export function countInterval(seconds: number): string {
  if (seconds === 60) return 'every minute';
  if (seconds % 60 === 0) return `every ${seconds / 60} minutes`;
  return `every ${seconds} s`;
}


/**
 * The byte totals as the page shows them. Before the first sample the totals are not zero but unknown: the text says
 * when they are counted instead of showing "0 B" beside a chart that already moves megabits.
 */
export function sessionBytesText(session: SessionCounts, now: number): string {
  if (session.countersAt) {
    return `↓ ${decimalBytes(session.counters.txBytes)} ↑ ${decimalBytes(session.counters.rxBytes)} · counted ${clockTime(Date.parse(session.countersAt))}`;
  }
  const every = countInterval(session.countersEvery);
  const due = Date.parse(session.loginAt) + session.countersEvery * 1000;
  // a minute rounded up: "by 18:43" is never earlier than the sample can come
  const byMinute = Math.ceil(due / 60_000) * 60_000;
  return now <= byMinute
    ? `Bytes counted ${every} — first count by ${clockTime(byMinute)}`
    : `Bytes counted ${every} — first count not in yet`;
}

/** When the page should read the session again to show the next count: one interval after the last (or the login). */
export function nextCountAt(session: SessionCounts, now: number): number {
  const interval = session.countersEvery * 1000;
  const last = Date.parse(session.countersAt ?? session.loginAt);
  let due = last + interval + READ_SLACK_MS;
  // a sample that is late is looked for once an interval, not in a tight loop
  while (due <= now) due += interval;
  return due;
}
