import { useState } from 'react';
import { Button, Group, Modal, Checkbox, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { ListPage } from '../components/ListPage';
import { usePageArgs } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { SecretOnce } from '../components/SecretOnce';
import { useAction } from '../hooks/useAction';
import { fieldErrors } from '../api/errors';
import { TENANT_ROLES } from './UsersView';
import { rolesAsWords } from '../components/words';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['ApiClient'] };

const ApiClientsQuery = graphql(`
  query ApiClients($first: Int, $after: String, $last: Int, $before: String) {
    apiClients(first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          clientId
          name
          roles
          revoked
          requestCount
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

const CreateApiClient = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      apiClient {
        id
        clientId
      }
      clientSecret
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const RotateSecret = graphql(`
  mutation RotateApiClientSecret($input: ApiClientInput!) {
    rotateApiClientSecret(input: $input) {
      apiClient {
        id
        clientId
      }
      clientSecret
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const RevokeApiClient = graphql(`
  mutation RevokeApiClient($input: ApiClientInput!) {
    revokeApiClient(input: $input) {
      apiClient {
        id
        revoked
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export default function ApiClientsView() {
  const [result, reexecute] = useQuery({ query: ApiClientsQuery, variables: usePageArgs(), context: LIST_CONTEXT });
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [, rotate] = useMutation(RotateSecret);
  const [, revoke] = useMutation(RevokeApiClient);
  const { run, running } = useAction();
  return (
    <ListPage
      title="API clients"
      actions={<Button onClick={() => setAdding(true)}>New API client</Button>}
      above={secret && <SecretOnce label={secret.label} value={secret.value} />}
      connection={result.data?.apiClients}
      fetching={result.fetching}
      error={result.error}
      onRetry={() => reexecute()}
      empty="No API clients yet"
      columns={[
        { header: 'Name', cell: (client) => client.name },
        { header: 'Client id', cell: (client) => <code>{client.clientId}</code> },
        { header: 'Roles', cell: (client) => rolesAsWords(client.roles) },
        { header: 'Requests', cell: (client) => client.requestCount },
        { header: 'State', cell: (client) => <StatusBadge value={client.revoked ? 'DISABLED' : 'ACTIVE'} /> },
        {
          header: '',
          label: 'Actions',
          cell: (node) =>
            !node.revoked && (
              <Group gap={4}>
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={running}
                  onClick={async () => {
                    const outcome = await run('Rotate secret', () => rotate({ input: { id: node.id } }), (d) => d.rotateApiClientSecret.errors, 'New secret issued.');
                    const value = outcome.data?.rotateApiClientSecret.clientSecret;
                    if (value) setSecret({ label: `New secret of ${node.clientId}`, value });
                  }}
                >
                  Rotate secret
                </Button>
                <Button
                  size="compact-xs"
                  color="red"
                  variant="subtle"
                  loading={running}
                  onClick={() => void run('Revoke API client', () => revoke({ input: { id: node.id } }), (d) => d.revokeApiClient.errors, `${node.name} is revoked.`)}
                >
                  Revoke
                </Button>
              </Group>
            ),
        },
      ]}
    >
      {adding && (
        <NewClient
          onClose={() => setAdding(false)}
          onCreated={(clientId, value) => setSecret({ label: `Secret of ${clientId}`, value })}
        />
      )}
    </ListPage>
  );
}

function NewClient({ onClose, onCreated }: { onClose: () => void; onCreated: (clientId: string, secret: string) => void }) {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['OPERATOR']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, create] = useMutation(CreateApiClient);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="New API client">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const outcome = await run('Create API client', () => create({ input: { name, roles } }), (d) => d.createApiClient.errors, `${name} is created.`);
          setErrors(fieldErrors(outcome.fieldErrors));
          const payload = outcome.data?.createApiClient;
          if (outcome.ok && payload?.clientSecret && payload.apiClient) {
            onCreated(payload.apiClient.clientId, payload.clientSecret);
            onClose();
          }
        }}
      >
        <Stack>
          <TextInput label="Name" required value={name} error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
          <Checkbox.Group label="Roles" value={roles} onChange={(value) => setRoles(value as Role[])} error={errors.roles}>
            <Group mt={4}>
              {TENANT_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={role.toLowerCase().replace('_', ' ')} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={running}>
            Create API client
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
