import { describe, expect, it } from 'vitest';
import { uptimeHours } from './RouterHistory';

describe('uptimeHours', () => {
  it('labels evenly spaced ticks so they read evenly spaced', () => {
    expect([0, 25, 50, 75].map(uptimeHours)).toEqual(['0 h', '25 h', '2.1 d', '3.1 d']);
  });

  it('uses whole days for whole-day ticks and hours below two days', () => {
    expect([24, 47, 48, 72, 168].map(uptimeHours)).toEqual(['24 h', '47 h', '2 d', '3 d', '7 d']);
  });
});
