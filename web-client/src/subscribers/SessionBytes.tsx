import { Text } from '@mantine/core';
import { useClock } from '../live/useClock';
import { sessionBytesText, type SessionCounts } from './sessionBytes';

/** The session's byte totals, or when they are first counted (the text changes with the clock, not on a reload). */
export function SessionBytes({ session }: { session: SessionCounts }) {
  const now = useClock();
  return (
    <Text size="sm" data-testid="session-bytes" c={session.countersAt ? undefined : 'dimmed'}>
      {sessionBytesText(session, now)}
    </Text>
  );
}
