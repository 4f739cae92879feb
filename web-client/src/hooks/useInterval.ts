import { useEffect, useRef } from 'react';

/** Calls back every `ms` while the page is visible. */
export function useInterval(callback: () => void, ms: number) {
  const saved = useRef(callback);
  useEffect(() => {
    saved.current = callback;
  });
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, ms);
    return () => window.clearInterval(timer);
  }, [ms]);
}
