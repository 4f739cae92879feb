import { describe, expect, it } from 'vitest';
import { asWords, rolesAsWords } from './words';

describe('asWords', () => {
  it('turns every underscore of an enum value into a space, in lower case', () => {
    expect(asWords('WAITING_FOR_ROUTER')).toBe('waiting for router');
    expect(asWords('ACTIVE')).toBe('active');
  });

  it('lists roles as words', () => {
    expect(rolesAsWords(['TENANT_ADMIN', 'VIEWER'])).toBe('tenant admin, viewer');
    expect(rolesAsWords([])).toBe('');
  });
});
