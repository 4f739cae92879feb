import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ListPage } from '../components/ListPage';
import { usePageArgs } from '../components/Pager';
import { useSortParams } from '../components/SortableTh';
import type { PlanOrder } from '../gql/graphql';
import { Can } from '../auth/Me';
import { useCreateDraft } from '../hooks/useCreateDraft';
import { downUp } from './rates';
import { PlanFields } from './PlanFields';
import { EditPlanDialog } from './EditPlanDialog';
import { DeletePlanDialog } from './DeletePlanDialog';

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
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string; profileName: string } | null>(null);
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
        {
          header: '',
          label: 'Actions',
          cell: (plan) => (
            <Group gap={4}>
              <Can capability="operate">
                <Button size="compact-xs" variant="light" aria-label={`Edit ${plan.name}`} onClick={() => setEditing(plan.id)}>
                  Edit
                </Button>
              </Can>
              {/* deleting is for tenant admins (the API's deletePlan) */}
              <Can capability="administer">
                <Button size="compact-xs" variant="light" color="red" aria-label={`Delete ${plan.name}`} onClick={() => setDeleting(plan)}>
                  Delete
                </Button>
              </Can>
            </Group>
          ),
        },
      ]}
    >
      {adding && <NewPlan onClose={() => setAdding(false)} />}
      {editing && <EditPlanDialog id={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeletePlanDialog plan={deleting} onClose={() => setDeleting(null)} />}
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
          <PlanFields values={values} errors={errors} update={update} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={running}>
              Create plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
