import { useState } from 'react';
import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ListPage } from '../components/ListPage';
import { usePageArgs } from '../components/Pager';
import { Can } from '../auth/Me';
import { useCreateDraft } from '../hooks/useCreateDraft';

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
        ...UserErrorFields
      }
    }
  }
`);

export default function PopsView() {
  const [result, reexecute] = useQuery({ query: PopsQuery, variables: usePageArgs(), context: LIST_CONTEXT });
  const [adding, setAdding] = useState(false);
  return (
    <ListPage
      title="POPs"
      actions={
        <Can capability="operate">
          <Button onClick={() => setAdding(true)}>New POP</Button>
        </Can>
      }
      connection={result.data?.pops}
      fetching={result.fetching}
      error={result.error}
      onRetry={() => reexecute()}
      empty="No POPs yet"
      columns={[
        { header: 'Name', cell: (pop) => pop.name },
        { header: 'Address', cell: (pop) => pop.address },
        { header: 'Notes', cell: (pop) => pop.notes ?? '' },
      ]}
    >
      {adding && <NewPop onClose={() => setAdding(false)} />}
    </ListPage>
  );
}

function NewPop({ onClose }: { onClose: () => void }) {
  const [, create] = useMutation(CreatePop);
  const { values, update, errors, running, submit } = useCreateDraft(
    'pop-new',
    { name: '', address: '' },
    {
      label: 'Create POP',
      send: (input) => create({ input }),
      errorsOf: (data) => data.createPop.errors,
      success: (sent) => `${sent.name} is created.`,
      onCreated: onClose,
    },
  );
  return (
    <Modal opened onClose={onClose} title="New POP">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
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
