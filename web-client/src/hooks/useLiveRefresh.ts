import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import type { AnyVariables, TypedDocumentNode } from 'urql';

/**
 * Re-reads a screen when the server pushes a change: each event of the subscription schedules `refresh`, at most
 * once per `minGapMs`, so a burst of changes (a bulk import) costs one re-read a second, not one per change.
 */
export function useLiveRefresh<Data, Variables extends AnyVariables>(
  subscription: TypedDocumentNode<Data, Variables>,
  refresh: () => void,
  minGapMs = 1000,
  variables?: Variables,
) {
  const saved = useRef(refresh);
  const timer = useRef<number | undefined>(undefined);
  const last = useRef(0);
  useEffect(() => {
    saved.current = refresh;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useSubscription({ query: subscription, variables: variables as Variables }, (_previous: unknown, data: Data) => {
    if (timer.current === undefined) {
      const wait = Math.max(0, last.current + minGapMs - Date.now());
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        last.current = Date.now();
        saved.current();
      }, wait);
    }
    return data;
  });
}
