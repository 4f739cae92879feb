import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { Page } from '../components/Page';
import { Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { SecretOnce } from '../components/SecretOnce';
import { useAction } from '../hooks/useAction';
import { useDraft } from '../hooks/useDraft';
import { useSearchText } from '../hooks/useSearchText';
import { fieldErrors } from '../api/errors';
import type { RateLimitTier } from '../gql/graphql';
import { ChangeTier, CreateTenant, ReactivateTenant, RotateSigningKey, SuspendTenant, TenantsQuery } from './documents';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['Tenant'] };

const TIERS: RateLimitTier[] = ['STARTER', 'STANDARD', 'ENTERPRISE'];

export default function ConsoleView() {
  const { text, typed, setTyped } = useSearchText();
  const [result, reexecute] = useQuery({ query: TenantsQuery, variables: { search: text || null, ...usePageArgs() }, context: LIST_CONTEXT });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [, suspend] = useMutation(SuspendTenant);
  const [, reactivate] = useMutation(ReactivateTenant);
  const [, changeTier] = useMutation(ChangeTier);
  const [, rotate] = useMutation(RotateSigningKey);
  const { run, running } = useAction();
  const rows = result.data?.tenants.edges ?? [];
  return (
    <Page
      title="Tenants"
      actions={
        <>
          <Button
            variant="default"
            loading={running}
            onClick={() =>
              void run('Rotate signing key', () => rotate({ input: { reason: 'rotated from the console' } }), (d) => d.rotateSigningKey.errors, 'New tokens are signed with a new key; old tokens stay valid until they expire.')
            }
          >
            Rotate signing key
          </Button>
          <Button onClick={() => setCreating(true)}>New tenant</Button>
        </>
      }
    >
      {secret && <SecretOnce label={secret.label} value={secret.value} />}
      <Group role="search">
        <TextInput label="Search" placeholder="Slug or name" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} w={280} />
      </Group>
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title={text ? 'No tenant matches' : 'No tenants yet'} />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tenant</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Tier</Table.Th>
                <Table.Th>Users</Table.Th>
                <Table.Th>API clients</Table.Th>
                <Table.Th>Requests</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.slug}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {node.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {node.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td title={node.statusReason ?? undefined}>
                    <StatusBadge value={node.status} />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Tier of ${node.slug}`}
                      size="xs"
                      w={140}
                      data={TIERS}
                      value={node.rateLimitTier}
                      allowDeselect={false}
                      onChange={(tier) =>
                        tier &&
                        void run('Change tier', () => changeTier({ input: { slug: node.slug, rateLimitTier: tier as RateLimitTier } }), (d) => d.changeTenantRateLimitTier.errors, `${node.slug} is now ${tier.toLowerCase()}.`)
                      }
                    />
                  </Table.Td>
                  <Table.Td>{node.usage.users}</Table.Td>
                  <Table.Td>{node.usage.apiClients}</Table.Td>
                  <Table.Td>{node.usage.requests}</Table.Td>
                  <Table.Td>
                    {node.status === 'SUSPENDED' ? (
                      <Button size="compact-xs" variant="light" loading={running} onClick={() => void run('Reactivate tenant', () => reactivate({ input: { slug: node.slug } }), (d) => d.reactivateTenant.errors, `${node.slug} is active again.`)}>
                        Reactivate
                      </Button>
                    ) : (
                      <Button size="compact-xs" color="orange" variant="light" loading={running} onClick={() => void run('Suspend tenant', () => suspend({ input: { slug: node.slug, reason: 'suspended from the console' } }), (d) => d.suspendTenant.errors, `${node.slug} is suspended.`)}>
                        Suspend
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.tenants.pageInfo} />
        </>
      )}
      {creating && (
        <NewTenant
          onClose={() => setCreating(false)}
          onCreated={(slug, admin) => {
            // the new tenant may sort onto any page: show it by searching for it
            setTyped(slug);
            if (admin) setSecret({ label: `Password of the new admin ${admin.username}`, value: admin.password });
          }}
        />
      )}
    </Page>
  );
}

interface CreatedAdmin {
  username: string;
  password: string;
}

function NewTenant({ onClose, onCreated }: { onClose: () => void; onCreated: (slug: string, admin: CreatedAdmin | null) => void }) {
  const [values, update, clear] = useDraft('tenant-new', { slug: '', displayName: '', tier: 'STANDARD', adminUsername: '', adminEmail: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, create] = useMutation(CreateTenant);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="New tenant">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const outcome = await run(
            'Create tenant',
            () =>
              create({
                input: {
                  slug: values.slug.trim(),
                  displayName: values.displayName.trim(),
                  rateLimitTier: values.tier as RateLimitTier,
                  admin: values.adminUsername ? { username: values.adminUsername.trim(), email: values.adminEmail.trim() } : null,
                },
              }),
            (d) => d.createTenant.errors,
            `${values.slug} is onboarded.`,
          );
          setErrors(fieldErrors(outcome.fieldErrors));
          const payload = outcome.data?.createTenant;
          if (outcome.ok) {
            const admin = payload?.adminPassword && payload.admin ? { username: payload.admin.username, password: payload.adminPassword } : null;
            onCreated(values.slug.trim(), admin);
            clear();
            onClose();
          }
        }}
      >
        <Stack>
          <TextInput label="Slug" description="3–40 lower-case letters, digits, hyphens" required value={values.slug} error={errors.slug} onChange={(e) => update({ slug: e.currentTarget.value })} />
          <TextInput label="Display name" required value={values.displayName} error={errors.displayName} onChange={(e) => update({ displayName: e.currentTarget.value })} />
          <Select label="Tier" data={TIERS} value={values.tier} allowDeselect={false} onChange={(tier) => update({ tier: tier ?? 'STANDARD' })} />
          <Group grow>
            <TextInput label="First admin's username" value={values.adminUsername} error={errors['admin.username']} onChange={(e) => update({ adminUsername: e.currentTarget.value })} />
            <TextInput label="First admin's e-mail" value={values.adminEmail} error={errors['admin.email']} onChange={(e) => update({ adminEmail: e.currentTarget.value })} />
          </Group>
          <Button type="submit" loading={running}>
            Create tenant
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
