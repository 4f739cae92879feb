import { describe, expect, it } from 'vitest';
import { describeDays, toPlanOverrideInput, validatePlanOverride } from './planOverrideForm';

describe('plan override form', () => {
  it('sends blank fields as the tenant policy and typed ones parsed', () => {
    expect(toPlanOverrideInput({ planId: 'p1', noticeDays: ' 1, 7,3 ', graceDays: '' })).toEqual({ planId: 'p1', noticeDays: [7, 3, 1], graceDays: null });
    expect(toPlanOverrideInput({ planId: 'p1', noticeDays: '', graceDays: '0' })).toEqual({ planId: 'p1', noticeDays: null, graceDays: 0 });
    expect(toPlanOverrideInput({ planId: 'p1', noticeDays: '  ', graceDays: ' ' })).toEqual({ planId: 'p1', noticeDays: null, graceDays: null });
  });

  it('refuses what the server refuses, on its field names', () => {
    expect(validatePlanOverride({ planId: '', noticeDays: '', graceDays: '' })).toEqual({ planId: 'Choose a plan.' });
    expect(validatePlanOverride({ planId: 'p', noticeDays: '0, 3', graceDays: '' })).toHaveProperty('noticeDays');
    expect(validatePlanOverride({ planId: 'p', noticeDays: '3, x', graceDays: '' })).toHaveProperty('noticeDays');
    expect(validatePlanOverride({ planId: 'p', noticeDays: '1,2,3,4,5,6,7,8,9,10,11', graceDays: '' })).toEqual({ noticeDays: 'At most 10 notices.' });
    expect(validatePlanOverride({ planId: 'p', noticeDays: '', graceDays: '91' })).toEqual({ graceDays: 'From 0 to 90 days.' });
    expect(validatePlanOverride({ planId: 'p', noticeDays: '', graceDays: '-1' })).toEqual({ graceDays: 'From 0 to 90 days.' });
    expect(validatePlanOverride({ planId: 'p', noticeDays: '14, 2', graceDays: '5' })).toEqual({});
  });

  it('names where a value comes from', () => {
    expect(describeDays([5, 1], [7, 3, 1])).toBe('5, 1');
    expect(describeDays(null, [7, 3, 1])).toBe("tenant's (7, 3, 1)");
  });
});
