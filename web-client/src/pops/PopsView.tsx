import { useState } from 'react';
import { Button, Modal, Stack, Table, TextInput } from '@mantine/core';
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
const LIST_CONTEXT = { additionalTypenames: ['Pop'] };

const PopsQuery = graphql(`
  query Pops($first: Int, $after: String, $last: Int, $before: String) {
    pops(first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          name
          address
          notes
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

const CreatePop = graphql(`
  mutation CreatePop($input: CreatePopInput!) {
    createPop(input: $input) {
      pop {
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

export default function PopsView() {
  const [result, reexecute] = useQuery({ query: PopsQuery, variables: usePageArgs(), context: LIST_CONTEXT });
  const [adding, setAdding] = useState(false);
  const rows = result.data?.pops.edges ?? [];
  return (
    <Page title="POPs" actions={<Can capability="operate"><Button onClick={() => setAdding(true)}>New POP</Button></Can>}>
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No POPs yet" />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>Notes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.name}</Table.Td>
                  <Table.Td>{node.address}</Table.Td>
                  <Table.Td>{node.notes ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.pops.pageInfo} />
        </>
      )}
      {adding && <NewPop onClose={() => setAdding(false)} />}
    </Page>
  );
}

function NewPop({ onClose }: { onClose: () => void }) {
  const [values, update, clear] = useDraft('pop-new', { name: '', address: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, create] = useMutation(CreatePop);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="New POP">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const outcome = await run('Create POP', () => create({ input: values }), (data) => data.createPop.errors, `${values.name} is created.`);
          setErrors(fieldErrors(outcome.fieldErrors));
          if (outcome.ok) {
            clear();
            onClose();
          }
        }}
      >
        <Stack>
          <TextInput label="Name" required value={values.name} error={errors.name} onChange={(e) => update({ name: e.currentTarget.value })} />
          <TextInput label="Address" required value={values.address} error={errors.address} onChange={(e) => update({ address: e.currentTarget.value })} />
          <Button type="submit" loading={running}>
            Create POP
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
