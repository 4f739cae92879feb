import type { ReactNode } from 'react';
import { Card, Divider, Group, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../components/StatusBadge';

interface Details {
  status: string;
  syncState: string;
  plan: { name: string };
  router: { name: string };
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  expiresOn?: string | null;
  notes?: string | null;
}

/** The subscriber's record: status, where it is provisioned, contact details. */
/** The subscriber's status and details; `children` (the latest change to reach the router) closes the card. */
export function SubscriberDetails({ subscriber, children }: { subscriber: Details; children?: ReactNode }) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={500}>Status</Text>
          <StatusBadge value={subscriber.status} />
          <Text fw={500}>On router</Text>
          <StatusBadge value={subscriber.syncState} />
        </Group>
        <Field label="Plan" value={subscriber.plan.name} />
        <Field label="Router" value={subscriber.router.name} />
        <Field label="Full name" value={subscriber.fullName} />
        <Field label="E-mail" value={subscriber.email} />
        <Field label="Phone" value={subscriber.phone} />
        <Field label="Address" value={subscriber.address} />
        <Field label="Expires on" value={subscriber.expiresOn} />
        <Field label="Notes" value={subscriber.notes} />
        {children && (
          <>
            <Divider />
            {children}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" w={110}>
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Group>
  );
}

