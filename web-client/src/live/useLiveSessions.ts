import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { OnlineSessionsFeed } from './documents';
import { LiveSessions, type LiveBatch, type LiveOrder } from './liveSessions';
import { perFrame } from './perFrame';

/**
 * Who is online, pushed by `onlineSessionsFeed`: batches that arrive between two frames are applied together in the
 * next animation frame (`perFrame`), so 50 logins and logouts a second cost at most one re-render a frame (and none
 * while the tab is hidden); the re-render is a transition, so it never holds the main thread for a whole frame. The
 * rows are kept in `order`: another order sorts them once, before the page is painted.
 */
export function useLiveSessions(order: LiveOrder) {
  const client = useClient();
  const store = useRef(new LiveSessions());
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);

  useLayoutEffect(() => {
    store.current.orderBy(order);
    setVersion(store.current.version);
  }, [order]);

  useEffect(() => {
    const live = store.current;
    const batches = perFrame<LiveBatch>((pending) => {
      live.apply(pending);
      // a transition: React renders the table's new state in slices of a few milliseconds between frames instead of
      // one task that can take longer than a frame, and a scroll or a click in between goes first
      startTransition(() => setVersion(live.version));
    });
    const subscription = client.subscription(OnlineSessionsFeed, {}).subscribe((result) => {
      if (result.error) {
        setError(result.error.message);
        return;
      }
      const batch = result.data?.onlineSessionsFeed;
      if (!batch) return;
      setConnected(true);
      setError(null);
      batches.push(batch);
    });
    return () => {
      batches.dispose();
      subscription.unsubscribe();
    };
  }, [client]);

  return { live: store.current, version, error, connected };
}
