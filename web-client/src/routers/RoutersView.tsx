import { useState } from 'react';
import { Anchor, Badge, Button, Modal, Table, Text } from '@mantine/core';
import { Link, useMatch, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../components/Page';
import { Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { SortableTh, useSortParams } from '../components/SortableTh';
import type { RouterOrder } from '../gql/graphql';
import { Can } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { useDraft } from '../hooks/useDraft';
import { fieldErrors } from '../api/errors';
import { urls } from '../urls';
import { CreateRouter, PopChoicesQuery, RoutersQuery } from './documents';
import { EMPTY_ROUTER, RouterForm, validateRouter } from './RouterForm';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['Router'] };
const ROUTER_ORDERS: readonly RouterOrder[] = ['NAME', 'HEALTH'];

export default function RoutersView() {
  const order = useSortParams<RouterOrder>('NAME', ROUTER_ORDERS);
  const [result, reexecute] = useQuery({
    query: RoutersQuery,
    variables: { orderBy: order.sort, descending: order.descending, ...usePageArgs() },
    context: LIST_CONTEXT,
  });
  // the add dialog has an address of its own, so a link or a reload opens it
  const adding = useMatch(urls.routerNew()) !== null;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const query = params.toString();
  const backToList = () => navigate(query ? `${urls.routers()}?${query}` : urls.routers());
  const rows = result.data?.routers.edges ?? [];
  return (
    <Page
      title="Routers"
      actions={
        <Can capability="operate">
          <Button onClick={() => navigate(query ? `${urls.routerNew()}?${query}` : urls.routerNew())}>Add router</Button>
        </Can>
      }
    >
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No routers yet">
          <Text size="sm" c="dimmed">
            Add a MikroTik router with its API user; then import its PPPoE secrets.
          </Text>
        </EmptyState>
      ) : (
        <>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <SortableTh label="Name" sortKey="NAME" current={order} />
                <Table.Th>Address</Table.Th>
                <Table.Th>POP</Table.Th>
                <SortableTh label="Health" sortKey="HEALTH" current={order} />
                <Table.Th>RouterOS</Table.Th>
                <Table.Th>CPU</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={urls.router(node.id)}>
                      {node.name}
                    </Anchor>
                    {node.simulated && (
                      <Badge size="xs" variant="light" color="grape" ml={8}>
                        simulated
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {node.host}:{node.port}
                    {node.apiSsl ? ' (TLS)' : ''}
                  </Table.Td>
                  <Table.Td>{node.pop?.name ?? '—'}</Table.Td>
                  <Table.Td title={node.health.detail ?? undefined}>
                    <StatusBadge value={node.health.status} />
                  </Table.Td>
                  <Table.Td>{node.health.routerOsVersion ?? '—'}</Table.Td>
                  <Table.Td>{node.health.cpuLoad != null ? `${node.health.cpuLoad} %` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.routers.pageInfo} />
        </>
      )}
      {adding && <AddRouterDialog onClose={backToList} />}
    </Page>
  );
}

function AddRouterDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [pops] = useQuery({ query: PopChoicesQuery });
  const [values, update, clear] = useDraft('router-new', EMPTY_ROUTER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, create] = useMutation(CreateRouter);
  const { run, running } = useAction();
  const submit = async () => {
    const local = validateRouter(values);
    setErrors(local);
    if (Object.keys(local).length) return;
    const outcome = await run(
      'Add router',
      () =>
        create({
          input: {
            name: values.name.trim(),
            host: values.host.trim(),
            port: values.port === '' ? null : values.port,
            apiSsl: values.apiSsl,
            popId: values.popId || null,
            username: values.username.trim(),
            password: values.password,
            verifyConnection: values.verifyConnection,
          },
        }),
      (data) => data.createRouter.errors,
      `${values.name} is added.`,
    );
    setErrors(fieldErrors(outcome.fieldErrors));
    const id = outcome.data?.createRouter.router?.id;
    if (outcome.ok && id) {
      clear();
      navigate(urls.router(id));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Add router" size="lg">
      <RouterForm
        values={values}
        onChange={update}
        onSubmit={() => void submit()}
        pops={pops.data?.pops.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? []}
        errors={errors}
        submitting={running}
      />
    </Modal>
  );
}
