import { Group, Select, Table, TextInput } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { SecurityEventType } from '../gql/graphql';
import { Page } from '../components/Page';
import { Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { useCan } from '../auth/Me';
import { asWords } from '../components/words';
import { useFilterParams } from '../hooks/useFilterParams';
import { dateTime } from '../format/time';

const SecurityEventsQuery = graphql(`
  query SecurityEvents($tenant: String, $type: SecurityEventType, $first: Int, $after: String, $last: Int, $before: String) {
    securityEvents(tenant: $tenant, type: $type, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          occurredAt
          type
          tenant
          actor
          subject
          detail
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const TYPES: SecurityEventType[] = [
  'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'USER_CREATED', 'USER_DISABLED', 'USER_ENABLED', 'ROLE_CHANGED', 'PASSWORD_RESET',
  'CLIENT_CREATED', 'CLIENT_SECRET_ROTATED', 'CLIENT_REVOKED', 'TENANT_SUSPENDED', 'TENANT_REACTIVATED',
  'TENANT_TIER_CHANGED', 'SIGNING_KEY_ROTATED',
];

export default function SecurityEventsView() {
  const { choice, text, set } = useFilterParams();
  const platform = useCan('console');
  const type = choice('type', TYPES);
  const tenant = text('tenant') || null;
  const [result, reexecute] = useQuery({ query: SecurityEventsQuery, variables: { type, tenant, ...usePageArgs() } });
  const rows = result.data?.securityEvents.edges ?? [];
  return (
    <Page title="Security events">
      <Group>
        <Select label="Type" clearable data={TYPES} value={type} onChange={(value) => set('type', value)} w={240} />
        {platform && <TextInput label="Tenant" defaultValue={tenant ?? ''} onBlur={(e) => set('tenant', e.currentTarget.value)} />}
      </Group>
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No security events" />
      ) : (
        <>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                {platform && <Table.Th>Tenant</Table.Th>}
                <Table.Th>Actor</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{dateTime(node.occurredAt)}</Table.Td>
                  <Table.Td>{asWords(node.type)}</Table.Td>
                  {platform && <Table.Td>{node.tenant ?? '—'}</Table.Td>}
                  <Table.Td>{node.actor}</Table.Td>
                  <Table.Td>{node.subject ?? ''}</Table.Td>
                  <Table.Td>{node.detail ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.securityEvents.pageInfo} />
        </>
      )}
    </Page>
  );
}
