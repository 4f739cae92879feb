import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ListPage } from '../components/ListPage';
import { usePageArgs } from '../components/Pager';
import { useSortParams } from '../components/SortableTh';
import type { PlanOrder } from '../gql/graphql';
import { Can } from '../auth/Me';
import { useCreateDraft } from '../hooks/useCreateDraft';
import { downUp } from './rates';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['Plan'] };

const PLAN_ORDERS: readonly PlanOrder[] = ['NAME', 'PROFILE'];

const PlansQuery = graphql(`
  query Plans($orderBy: PlanOrder, $descending: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
    plans(orderBy: $orderBy, descending: $descending, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          name
          profileName
          downloadRate
          uploadRate
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
        ...UserErrorFields
      }
    }
  }
`);

export default function PlansView() {
  const order = useSortParams<PlanOrder>('NAME', PLAN_ORDERS);
  const [result, reexecute] = useQuery({
    query: PlansQuery,
    variables: { orderBy: order.sort, descending: order.descending, ...usePageArgs() },
    context: LIST_CONTEXT,
  });
  const [adding, setAdding] = useState(false);
  return (
    <ListPage
      title="Plans"
      actions={
        <Can capability="operate">
          <Button onClick={() => setAdding(true)}>New plan</Button>
        </Can>
      }
      connection={result.data?.plans}
      fetching={result.fetching}
      error={result.error}
      onRetry={() => reexecute()}
      empty="No plans yet"
      columns={[
        { header: 'Name', sort: { key: 'NAME', current: order }, cell: (plan) => plan.name },
        { header: 'PPP profile', sort: { key: 'PROFILE', current: order }, cell: (plan) => plan.profileName },
        { header: 'Rate (↓ download ↑ upload)', cell: (plan) => <code>{downUp(plan)}</code> },
        { header: 'Grace plan', cell: (plan) => plan.gracePlan?.name ?? '—' },
      ]}
    >
      {adding && <NewPlan onClose={() => setAdding(false)} />}
    </ListPage>
  );
}

function NewPlan({ onClose }: { onClose: () => void }) {
  const [, create] = useMutation(CreatePlan);
  const { values, update, errors, running, submit } = useCreateDraft(
    'plan-new',
    { name: '', downloadRate: '', uploadRate: '' },
    {
      label: 'Create plan',
      send: (input) => create({ input }),
      errorsOf: (data) => data.createPlan.errors,
      success: (sent) => `${sent.name} is created.`,
      onCreated: onClose,
    },
  );
  return (
    <Modal opened onClose={onClose} title="New plan">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
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
