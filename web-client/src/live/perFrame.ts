/** When the next frame is drawn: the browser's animation frames, or a stand-in in tests. */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Items pushed between two frames, handed to `apply` together once, just before the next frame: however many batches
 * the feed delivers, the view changes at most once a frame, so no frame lays out twice (ADR 0200). While the tab is
 * hidden the browser runs no frames: the items wait and are applied at once on return.
 */
export function perFrame<T>(apply: (items: T[]) => void, frames: FrameClock = animationFrames) {
  let pending: T[] = [];
  let handle = 0;
  const flush = () => {
    handle = 0;
    const items = pending;
    pending = [];
    apply(items);
  };
  return {
    push(item: T) {
      pending.push(item);
      if (!handle) handle = frames.request(flush);
    },
    dispose() {
      if (handle) frames.cancel(handle);
      handle = 0;
      pending = [];
    },
  };
}
