import { describe, expect, it } from 'vitest';
import { NEW_RULE, toInput, validateRule, type RuleDraft } from './ruleForm';

const rule = (changes: Partial<RuleDraft>): RuleDraft => ({ ...NEW_RULE, name: 'Busy', ...changes });

describe('alert rule validation', () => {
  it('accepts a complete rule of each shape', () => {
    expect(validateRule(rule({}))).toEqual({});
    expect(validateRule(rule({ type: 'ROUTER_UNREACHABLE', threshold: '' }))).toEqual({});
    expect(validateRule(rule({ type: 'SESSIONS_DROPPED', threshold: 30, windowSeconds: 600 }))).toEqual({});
    expect(validateRule(rule({ type: 'ROUTEROS_OUTDATED', minimumVersion: '7.12' }))).toEqual({});
  });

  it('names every field that is out of range, on the server field names', () => {
    const errors = validateRule(
      rule({ type: 'SESSIONS_DROPPED', name: ' ', threshold: 0, forSeconds: -1, clearSeconds: 604_801, windowSeconds: 59 }),
    );
    expect(Object.keys(errors).sort()).toEqual(['clearSeconds', 'forSeconds', 'name', 'threshold', 'windowSeconds']);
    expect(validateRule(rule({ threshold: 101 }))).toHaveProperty('threshold');
    expect(validateRule(rule({ threshold: 12.5 }))).toHaveProperty('threshold');
    expect(validateRule(rule({ forSeconds: '' }))).toHaveProperty('forSeconds');
    expect(validateRule(rule({ type: 'ROUTEROS_OUTDATED', minimumVersion: '7.x' }))).toHaveProperty('minimumVersion');
    expect(validateRule(rule({ name: 'x'.repeat(101) }))).toHaveProperty('name');
  });

  it('sends only the settings the type takes', () => {
    const input = toInput(rule({ type: 'ROUTER_REBOOTED', threshold: 90, windowSeconds: 600, minimumVersion: '7.1', routerId: '' }));
    expect(input).toMatchObject({ type: 'ROUTER_REBOOTED', threshold: null, windowSeconds: null, minimumVersion: null, routerId: null });
    expect(toInput(rule({ threshold: 95 }))).toMatchObject({ type: 'CPU_HIGH', threshold: 95, windowSeconds: null });
  });
});
