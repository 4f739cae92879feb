import { useState } from 'react';
import { Button, Group, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { Can } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { useDraft } from '../hooks/useDraft';
import { fieldErrors } from '../api/errors';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['Plan'] };

const PlansQuery = graphql(`
  query Plans($first: Int, $after: String, $last: Int, $before: String) {
    plans(first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          name
          profileName
          rateLimit
          gracePlan {
            id
            name
          }
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

const CreatePlan = graphql(`
  mutation CreatePlan($input: PlanInput!) {
    createPlan(input: $input) {
      plan {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export default function PlansView() {
  const [result, reexecute] = useQuery({ query: PlansQuery, variables: usePageArgs(), context: LIST_CONTEXT });
  const [adding, setAdding] = useState(false);
  const rows = result.data?.plans.edges ?? [];
  return (
    <Page title="Plans" actions={<Can capability="operate"><Button onClick={() => setAdding(true)}>New plan</Button></Can>}>
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No plans yet" />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>PPP profile</Table.Th>
                <Table.Th>Rate limit</Table.Th>
                <Table.Th>Grace plan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.name}</Table.Td>
                  <Table.Td>{node.profileName}</Table.Td>
                  <Table.Td>
                    <code>{node.rateLimit}</code>
                  </Table.Td>
                  <Table.Td>{node.gracePlan?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.plans.pageInfo} />
        </>
      )}
      {adding && <NewPlan onClose={() => setAdding(false)} />}
    </Page>
  );
}

function NewPlan({ onClose }: { onClose: () => void }) {
  const [values, update, clear] = useDraft('plan-new', { name: '', downloadRate: '', uploadRate: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, create] = useMutation(CreatePlan);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="New plan">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const outcome = await run('Create plan', () => create({ input: values }), (data) => data.createPlan.errors, `${values.name} is created.`);
          setErrors(fieldErrors(outcome.fieldErrors));
          if (outcome.ok) {
            clear();
            onClose();
          }
        }}
      >
        <Stack>
          <TextInput label="Name" required value={values.name} error={errors.name} onChange={(e) => update({ name: e.currentTarget.value })} />
          <Group grow>
            <TextInput label="Download" placeholder="20M" required value={values.downloadRate} error={errors.downloadRate} onChange={(e) => update({ downloadRate: e.currentTarget.value })} />
            <TextInput label="Upload" placeholder="5M" required value={values.uploadRate} error={errors.uploadRate} onChange={(e) => update({ uploadRate: e.currentTarget.value })} />
          </Group>
          <Button type="submit" loading={running}>
            Create plan
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
