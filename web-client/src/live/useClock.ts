import { useSyncExternalStore } from 'react';

// One shared one-second clock: the cells that show a duration re-render each second, the table around them does not.
const listeners = new Set<() => void>();
let now = Date.now();
let timer = 0;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // the clock stood still while nobody listened: the first listener reads the time now, not when it stopped
    now = Date.now();
    timer = window.setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      window.clearInterval(timer);
      timer = 0;
    }
  };
}

/** The current time, updated once a second. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, () => now);
}
