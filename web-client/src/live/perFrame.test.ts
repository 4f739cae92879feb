import { describe, expect, it } from 'vitest';
import { perFrame, type FrameClock } from './perFrame';

/** Frames that run only when the test says so. */
function manualFrames() {
  const waiting = new Map<number, () => void>();
  let next = 1;
  const clock: FrameClock = {
    request: (callback) => {
      waiting.set(next, callback);
      return next++;
    },
    cancel: (handle) => void waiting.delete(handle),
  };
  const runFrame = () => {
    const callbacks = [...waiting.values()];
    waiting.clear();
    callbacks.forEach((callback) => callback());
  };
  return { clock, runFrame, waiting: () => waiting.size };
}

describe('perFrame', () => {
  it('hands every item pushed between two frames over in one call, in order, at the frame', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batches = perFrame<number>((items) => applied.push(items), frames.clock);
    for (let i = 0; i < 7; i++) batches.push(i);
    expect(applied).toEqual([]);
    expect(frames.waiting()).toBe(1);
    frames.runFrame();
    expect(applied).toEqual([[0, 1, 2, 3, 4, 5, 6]]);
  });

  it('asks for a new frame only once the last one ran, and never applies nothing', () => {
    const frames = manualFrames();
    const applied: string[][] = [];
    const batches = perFrame<string>((items) => applied.push(items), frames.clock);
    frames.runFrame();
    expect(applied).toEqual([]);
    for (const round of ['a', 'b', 'c']) {
      batches.push(`${round}1`);
      batches.push(`${round}2`);
      expect(frames.waiting()).toBe(1);
      frames.runFrame();
    }
    frames.runFrame();
    expect(applied).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1', 'c2'],
    ]);
  });

  it('drops what is pending and its frame when disposed', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batches = perFrame<number>((items) => applied.push(items), frames.clock);
    batches.push(1);
    batches.dispose();
    expect(frames.waiting()).toBe(0);
    frames.runFrame();
    expect(applied).toEqual([]);
  });
});
