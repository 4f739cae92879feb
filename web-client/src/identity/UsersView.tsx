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
import { useCreateDraft } from '../hooks/useCreateDraft';
import { rolesAsWords } from '../components/words';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['User'] };

const UsersQuery = graphql(`
  query Users($first: Int, $after: String, $last: Int, $before: String) {
    users(first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          username
          email
          roles
          enabled
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

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
      }
      initialPassword
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const DisableUser = graphql(`
  mutation DisableUser($input: UserInput!) {
    disableUser(input: $input) {
      user {
        id
        enabled
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const EnableUser = graphql(`
  mutation EnableUser($input: UserInput!) {
    enableUser(input: $input) {
      user {
        id
        enabled
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const ResetPassword = graphql(`
  mutation ResetUserPassword($input: UserInput!) {
    resetUserPassword(input: $input) {
      temporaryPassword
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const TENANT_ROLES: Role[] = ['TENANT_ADMIN', 'OPERATOR', 'VIEWER'];

export default function UsersView() {
  const [result, reexecute] = useQuery({ query: UsersQuery, variables: usePageArgs(), context: LIST_CONTEXT });
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [, disable] = useMutation(DisableUser);
  const [, enable] = useMutation(EnableUser);
  const [, reset] = useMutation(ResetPassword);
  const { run, running } = useAction();
  return (
    <ListPage
      title="Users"
      actions={<Button onClick={() => setAdding(true)}>New user</Button>}
      above={secret && <SecretOnce label={secret.label} value={secret.value} />}
      connection={result.data?.users}
      fetching={result.fetching}
      error={result.error}
      onRetry={() => reexecute()}
      empty="No users yet"
      columns={[
        { header: 'Username', cell: (user) => user.username },
        { header: 'E-mail', cell: (user) => user.email },
        { header: 'Roles', cell: (user) => rolesAsWords(user.roles) },
        { header: 'State', cell: (user) => <StatusBadge value={user.enabled ? 'ACTIVE' : 'DISABLED'} /> },
        {
          header: '',
          label: 'Actions',
          cell: (node) => (
            <Group gap={4}>
              <Button
                size="compact-xs"
                variant="light"
                loading={running}
                onClick={() =>
                  void (node.enabled
                    ? run('Disable user', () => disable({ input: { id: node.id } }), (d) => d.disableUser.errors, `${node.username} is disabled.`)
                    : run('Enable user', () => enable({ input: { id: node.id } }), (d) => d.enableUser.errors, `${node.username} is enabled.`))
                }
              >
                {node.enabled ? 'Disable' : 'Enable'}
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                loading={running}
                onClick={async () => {
                  const outcome = await run('Reset password', () => reset({ input: { id: node.id } }), (d) => d.resetUserPassword.errors, 'Password reset.');
                  const value = outcome.data?.resetUserPassword.temporaryPassword;
                  if (value) setSecret({ label: `Temporary password for ${node.username}`, value });
                }}
              >
                Reset password
              </Button>
            </Group>
          ),
        },
      ]}
    >
      {adding && (
        <NewUser
          onClose={() => setAdding(false)}
          onCreated={(username, password) => setSecret({ label: `Initial password for ${username}`, value: password })}
        />
      )}
    </ListPage>
  );
}

function NewUser({ onClose, onCreated }: { onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const [, create] = useMutation(CreateUser);
  const { values, update, errors, running, submit } = useCreateDraft(
    'user-new',
    { username: '', email: '', roles: ['OPERATOR'] as Role[] },
    {
      label: 'Create user',
      send: (input) => create({ input }),
      errorsOf: (data) => data.createUser.errors,
      success: (sent) => `${sent.username} is created.`,
      onCreated: (data, sent) => {
        const password = data.createUser.initialPassword;
        if (password) onCreated(sent.username, password);
        onClose();
      },
    },
  );
  return (
    <Modal opened onClose={onClose} title="New user">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label="Username" required value={values.username} error={errors.username} onChange={(e) => update({ username: e.currentTarget.value })} />
          <TextInput label="E-mail" required value={values.email} error={errors.email} onChange={(e) => update({ email: e.currentTarget.value })} />
          <Checkbox.Group label="Roles" value={values.roles} onChange={(roles) => update({ roles: roles as Role[] })} error={errors.roles}>
            <Group mt={4}>
              {TENANT_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={role.toLowerCase().replace('_', ' ')} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={running}>
            Create user
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
