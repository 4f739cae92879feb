import type { Role } from '../gql/graphql';

// What each role may do, as the API enforces it (@PreAuthorize in platform-api): the UI hides what a role cannot do.
export type Capability =
  | 'read' // tenant data
  | 'operate' // subscriber, router, plan, POP, drift and operation changes
  | 'administer' // users, API clients, security events, settings of the tenant
  | 'console'; // tenants of the platform

const GRANTS: Record<Role, readonly Capability[]> = {
  PLATFORM_ADMIN: ['console'],
  TENANT_ADMIN: ['read', 'operate', 'administer'],
  OPERATOR: ['read', 'operate'],
  VIEWER: ['read'],
};

export function can(roles: readonly Role[], capability: Capability): boolean {
  return roles.some((role) => GRANTS[role].includes(capability));
}

/** Where a user lands after signing in. */
export function homeFor(roles: readonly Role[]): 'console' | 'dashboard' {
  return can(roles, 'console') && !can(roles, 'read') ? 'console' : 'dashboard';
}
