import type { ReactNode } from 'react';
import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useMe } from '../auth/Me';
import { can, type Capability } from '../auth/roles';
import { signOut } from '../auth/oidc';
import type { SignIn } from '../auth/Boot';
import { LiveStatus } from './LiveStatus';
import { SessionBanner } from './SessionBanner';
import { urls } from '../urls';

interface Item {
  label: string;
  to: string;
  capability: Capability;
}

const NAVIGATION: readonly { section: string; items: readonly Item[] }[] = [
  {
    section: 'Network',
    items: [
      // what an operator watches first (issue 13: who is online, reports, alerts), then what they configure
      { label: 'Dashboard', to: urls.dashboard(), capability: 'read' },
      { label: 'Who is online', to: urls.live(), capability: 'read' },
      { label: 'Reports', to: urls.reports(), capability: 'read' },
      { label: 'Alerts', to: urls.alerts(), capability: 'read' },
      { label: 'Subscribers', to: urls.subscribers(), capability: 'read' },
      { label: 'Routers', to: urls.routers(), capability: 'read' },
      { label: 'Plans', to: urls.plans(), capability: 'read' },
      { label: 'POPs', to: urls.pops(), capability: 'read' },
      { label: 'Operations', to: urls.operations(), capability: 'read' },
      { label: 'Drift', to: urls.drift(), capability: 'read' },
      { label: 'Command log', to: urls.audit(), capability: 'read' },
    ],
  },
  {
    section: 'Account',
    items: [
      { label: 'Users', to: urls.users(), capability: 'administer' },
      { label: 'API clients', to: urls.apiClients(), capability: 'administer' },
      { label: 'Security events', to: urls.securityEvents(), capability: 'administer' },
      { label: 'Settings', to: urls.settings(), capability: 'administer' },
      // network operations view (issue 13)
      { label: 'Lifecycle & notices', to: urls.lifecycleSettings(), capability: 'administer' },
    ],
  },
  {
    section: 'Platform',
    items: [
      { label: 'Tenants', to: urls.console(), capability: 'console' },
      { label: 'Security events', to: urls.consoleSecurityEvents(), capability: 'console' },
    ],
  },
];

export function Shell({ session, children }: { session: SignIn; children: ReactNode }) {
  const me = useMe();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              Towerline
            </Title>
            <Badge variant="light" aria-label="Account">
              {me.tenant}
            </Badge>
          </Group>
          <Group gap="sm">
            <LiveStatus />
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {me.subject} · {me.roles.join(', ').toLowerCase().replace(/_/g, ' ')}
            </Text>
            <Button size="xs" variant="default" onClick={() => signOut(session.config, session.endpoints)}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {/* a plain scrolling section: ScrollArea would bring floating-ui (~20 KB gzip) into the first screen */}
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {NAVIGATION.map(({ section, items }) => {
            const visible = items.filter((item) => can(me.roles, item.capability));
            if (!visible.length) {
              return null;
            }
            return (
              <nav key={section} aria-label={section}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {section}
                </Text>
                {visible.map((item) => (
                  <NavLink
                    key={item.to}
                    component={RouterLink}
                    to={item.to}
                    label={item.label}
                    active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
                  />
                ))}
              </nav>
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <SessionBanner signIn={session} />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
