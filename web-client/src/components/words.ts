/**
 * An enum value as the words it stands for (`TENANT_ADMIN` → `tenant admin`): one way to show a
 * status, kind, type or role wherever the schema hands out an enum.
 */
export function asWords(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

/** Roles as one line of words: `TENANT_ADMIN, VIEWER` → `tenant admin, viewer`. */
export function rolesAsWords(roles: readonly string[]): string {
  return roles.map(asWords).join(', ');
}
