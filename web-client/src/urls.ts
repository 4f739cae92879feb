// Every route of the app in one place: views link with these builders, never with string literals.

export const urls = {
  dashboard: () => '/',
  subscribers: (query?: Record<string, string>) => withQuery('/subscribers', query),
  subscriberNew: () => '/subscribers/new',
  subscriber: (id: string) => `/subscribers/${encodeURIComponent(id)}`,
  subscriberBulk: () => '/subscribers/bulk',
  routers: () => '/routers',
  routerNew: () => '/routers/new',
  router: (id: string) => `/routers/${encodeURIComponent(id)}`,
  plans: () => '/plans',
  pops: () => '/pops',
  operations: (query?: Record<string, string>) => withQuery('/operations', query),
  drift: (routerId?: string) => (routerId ? `/drift/${encodeURIComponent(routerId)}` : '/drift'),
  audit: () => '/audit',
  users: () => '/users',
  apiClients: () => '/api-clients',
  securityEvents: () => '/security-events',
  settings: () => '/settings',
  console: () => '/console',
  consoleSecurityEvents: () => '/console/security-events',
  callback: () => '/auth/callback',
  // issue 13, who is online
  live: () => '/live',
  // reports (issue 13)
  reports: (query?: Record<string, string>) => withQuery('/reports', query),
  // network operations view (issue 13): alerts and lifecycle settings
  alerts: (query?: Record<string, string>) => withQuery('/alerts', query),
  alertRules: () => '/alerts/rules',
  lifecycleSettings: (tab?: string) => (tab ? `/lifecycle/${encodeURIComponent(tab)}` : '/lifecycle'),
};

function withQuery(path: string, query?: Record<string, string>): string {
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries).toString()}` : path;
}
