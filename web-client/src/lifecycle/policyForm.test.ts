import { describe, expect, it } from 'vitest';
import { parseNoticeDays, toPolicyInput, validatePolicy, type PolicyDraft } from './policyForm';

const policy = (changes: Partial<PolicyDraft>): PolicyDraft => ({
  enabled: true,
  noticeDays: '7, 3, 1',
  graceDays: 3,
  gracePlanId: '',
  suspensionMode: 'DISABLE_SECRET',
  suspendedPlanId: '',
  actionHour: 9,
  timeZone: 'Europe/Berlin',
  skipWeekdays: ['SUNDAY'],
  skipDates: ['2026-12-25'],
  ...changes,
});

describe('lifecycle policy form', () => {
  it('reads notice days in any order and separator, largest first', () => {
    expect(parseNoticeDays('1,7 3;3')).toEqual([7, 3, 1]);
    expect(parseNoticeDays('')).toEqual([]);
    expect(parseNoticeDays('7, two')).toBeNull();
    expect(parseNoticeDays('1.5')).toBeNull();
  });

  it('accepts a sound policy and names each field out of range', () => {
    expect(validatePolicy(policy({}))).toEqual({});
    const errors = validatePolicy(policy({ noticeDays: '0, 7', graceDays: 91, actionHour: 24, timeZone: ' ', skipDates: ['2026-02-30'] }));
    expect(Object.keys(errors).sort()).toEqual(['actionHour', 'graceDays', 'noticeDays', 'skipDates', 'timeZone']);
    expect(validatePolicy(policy({ noticeDays: '1,2,3,4,5,6,7,8,9,10,11' }))).toHaveProperty('noticeDays');
    expect(validatePolicy(policy({ suspensionMode: 'SUSPENDED_PLAN' }))).toHaveProperty('suspendedPlanId');
    expect(validatePolicy(policy({ skipDates: ['25.12.2026'] }))).toHaveProperty('skipDates');
  });

  it('sends the suspended plan only in that mode and skip dates sorted once', () => {
    const input = toPolicyInput(policy({ suspendedPlanId: 'p1', skipDates: ['2026-12-31', '2026-12-25', '2026-12-31'] }));
    expect(input.suspendedPlanId).toBeNull();
    expect(input.skipDates).toEqual(['2026-12-25', '2026-12-31']);
    expect(input.noticeDays).toEqual([7, 3, 1]);
    expect(toPolicyInput(policy({ suspensionMode: 'SUSPENDED_PLAN', suspendedPlanId: 'p1' })).suspendedPlanId).toBe('p1');
  });
});
