import { can, homeFor } from './roles';
import type { Role } from '../gql/graphql';

describe('role rules', () => {
  const table: [Role, boolean, boolean, boolean, boolean][] = [
    // role, read, operate, administer, console
    ['VIEWER', true, false, false, false],
    ['OPERATOR', true, true, false, false],
    ['TENANT_ADMIN', true, true, true, false],
    ['PLATFORM_ADMIN', false, false, false, true],
  ];

  it.each(table)('%s: read %s, operate %s, administer %s, console %s', (role, read, operate, administer, console) => {
    expect(can([role], 'read')).toBe(read);
    expect(can([role], 'operate')).toBe(operate);
    expect(can([role], 'administer')).toBe(administer);
    expect(can([role], 'console')).toBe(console);
  });

  it('lands a platform admin in the console and tenant staff on the dashboard', () => {
    expect(homeFor(['PLATFORM_ADMIN'])).toBe('console');
    expect(homeFor(['VIEWER'])).toBe('dashboard');
    expect(homeFor(['OPERATOR', 'VIEWER'])).toBe('dashboard');
  });

  it('gives nothing to a caller without roles', () => {
    expect(can([], 'read')).toBe(false);
  });
});
