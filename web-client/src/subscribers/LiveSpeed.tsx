import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Center, Group, Text } from '@mantine/core';
import { useClient } from 'urql';
import { LiveChart, LiveSeries } from '../charts/LiveChart';
import { BIT_RATE, bitRate } from '../format/units';
import { usePageVisible } from '../hooks/usePageVisible';
import { SubscriberTrafficFeed } from './sectionDocuments';

const SERIES = [
  { label: 'Download', color: '#1c7ed6' },
  { label: 'Upload', color: '#e8590c' },
];

/**
 * The subscriber's speed, one sample a second from `subscriberTraffic`. The stream is dropped while the tab is hidden
 * (the router then stops its `monitor-traffic` when nobody else watches) and taken up again on return. `onOnline` hears
 * what the stream says of the session (a sample: online; SUBSCRIBER_OFFLINE: not), so the page around it can follow a
 * login or logout it would otherwise not see. An offline subscriber gets a plain "offline" state instead of an empty
 * 0–1 kbit/s chart: offline is what the stream said last, or, before it said anything, what the page read (`online`).
 */
export function LiveSpeed({
  subscriberId,
  online,
  onOnline,
}: {
  subscriberId: string;
  online: boolean;
  onOnline?: (online: boolean) => void;
}) {
  const client = useClient();
  const visible = usePageVisible();
  // another subscriber's page starts from an empty chart
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const source = useMemo(() => new LiveSeries(2, 120), [subscriberId]);
  const [now, setNow] = useState<{ down: number; up: number } | null>(null);
  const [interruption, setInterruption] = useState<string | null>(null);
  // what the stream last said of this subscriber's session; another subscriber's starts unknown
  const [streamSaid, setStreamSaid] = useState<{ subscriberId: string; online: boolean } | null>(null);
  const showChart = streamSaid?.subscriberId === subscriberId ? streamSaid.online : online;
  // the latest listener, without starting the stream again when it changes
  const listener = useRef(onOnline);
  // in the commit that renders the page's new state, not an effect flushed later: a sample arriving in between
  // would reach the listener of the state before (CurrentSession.test failed so under load)
  useLayoutEffect(() => {
    listener.current = onOnline;
  }, [onOnline]);

  useEffect(() => {
    if (!visible) return;
    const subscription = client.subscription(SubscriberTrafficFeed, { subscriberId }).subscribe((result) => {
      const event = result.data?.subscriberTraffic;
      if (result.error) {
        setInterruption(result.error.message);
      } else if (event?.__typename === 'TrafficSample') {
        source.push(Date.now() / 1000, [event.txBitsPerSecond, event.rxBitsPerSecond]);
        setNow({ down: event.txBitsPerSecond, up: event.rxBitsPerSecond });
        setInterruption(null);
        setStreamSaid({ subscriberId, online: true });
        listener.current?.(true);
      } else if (event?.__typename === 'TrafficInterruption') {
        // the last sample is no longer the speed now
        setNow(null);
        if (event.code === 'SUBSCRIBER_OFFLINE') {
          // said by the offline state below, not as an interruption
          setInterruption(null);
          setStreamSaid({ subscriberId, online: false });
          listener.current?.(false);
        } else {
          setInterruption(event.message);
        }
      }
    });
    return () => subscription.unsubscribe();
  }, [client, subscriberId, source, visible]);

  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text fw={500}>Speed now</Text>
        <Text size="sm" ff="monospace" data-testid="speed-now">
          {now ? `↓ ${bitRate(now.down)}  ↑ ${bitRate(now.up)}` : '—'}
        </Text>
      </Group>
      {interruption && (
        <Text size="sm" c="orange" mb={4}>
          {interruption}
        </Text>
      )}
      {showChart ? (
        <LiveChart source={source} series={SERIES} format={bitRate} units={BIT_RATE} label="Live speed, last two minutes" height={200} />
      ) : (
        <Center h={200} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <div>
            <Text fw={500} ta="center">
              Offline — no live speed
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              The chart starts when the subscriber connects.
            </Text>
          </div>
        </Center>
      )}
    </div>
  );
}
