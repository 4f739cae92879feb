import { useState } from 'react';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StatusBadge } from '../components/StatusBadge';
import { OperationProgress } from '../operations/OperationProgress';
import { Can } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { urls } from '../urls';
import { DeleteRouter, ImportRouter, RouterImportQuery, RouterQuery, TestRouterConnection } from './documents';
import { RouterHistory } from './RouterHistory';
import { BackupsPanel } from '../backups/BackupsPanel';
import { dateTime } from '../format/time';

function duration(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  return days ? `${days} d ${hours} h` : `${hours} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export default function RouterView() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [result, reexecute] = useQuery({ query: RouterQuery, variables: { id } });
  const [test, setTest] = useState<string | null>(null);
  const [importState, setImportState] = useState<{ operationId: string; importId: string | null; finished?: boolean } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [, testConnection] = useMutation(TestRouterConnection);
  const [, importRouter] = useMutation(ImportRouter);
  const [, deleteRouter] = useMutation(DeleteRouter);
  const { run, running } = useAction();
  const router = result.data?.router;
  if (!router) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  const health = router.health;
  return (
    <Page
      title={router.name}
      actions={
        <Can capability="operate">
          <Button
            variant="default"
            loading={running}
            onClick={async () => {
              const outcome = await run('Test connection', () => testConnection({ input: { id } }), () => [], 'Tested.');
              const payload = outcome.data?.testRouterConnection;
              if (payload) {
                setTest(
                  payload.reachable
                    ? `Connected: ${payload.identity ?? ''} RouterOS ${payload.routerOsVersion ?? ''} (${payload.board ?? ''})`
                    : `Not connected: ${payload.error?.message ?? 'unknown problem'}`,
                );
              }
            }}
          >
            Test connection
          </Button>
          <Button
            loading={running}
            onClick={async () => {
              const outcome = await run(
                'Import from router',
                () => importRouter({ input: { routerId: id } }),
                (data) => data.importRouter.errors,
                'Import started.',
              );
              const payload = outcome.data?.importRouter;
              if (payload?.operation) {
                setImportState({ operationId: payload.operation.id, importId: payload.routerImport?.id ?? null });
              }
            }}
          >
            Import secrets and profiles
          </Button>
          <Button component={Link} to={urls.drift(id)} variant="default">
            Drift
          </Button>
          <Button color="red" variant="light" onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        </Can>
      }
    >
      {router.simulated && (
        <Alert color="grape" title="Simulated router">
          A RouterOS simulator running inside Towerline (the embedded demo), not a router on your network.
        </Alert>
      )}
      {test && (
        <Alert color={test.startsWith('Connected') ? 'green' : 'red'} role="status" withCloseButton onClose={() => setTest(null)}>
          {test}
        </Alert>
      )}
      {importState && (
        <Card withBorder>
          <Stack>
            <OperationProgress
              id={importState.operationId}
              label="Import"
              onFinished={() => setImportState((state) => (state ? { ...state, finished: true } : state))}
            />
            {importState.importId && importState.finished && <ImportSummary id={importState.importId} />}
          </Stack>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Group gap="xs">
              <Text fw={500}>Health</Text>
              <StatusBadge value={health.status} />
            </Group>
            {health.detail && <Text size="sm">{health.detail}</Text>}
            <Text size="sm">Identity: {health.identity ?? '—'}</Text>
            <Text size="sm">RouterOS: {health.routerOsVersion ?? '—'} ({health.board ?? '—'})</Text>
            <Text size="sm">CPU: {health.cpuLoad != null ? `${health.cpuLoad} %` : '—'}</Text>
            <Text size="sm">
              Memory:{' '}
              {health.freeMemory != null && health.totalMemory
                ? `${Math.round((100 * (health.totalMemory - health.freeMemory)) / health.totalMemory)} % used`
                : '—'}
            </Text>
            <Text size="sm">Uptime: {duration(health.uptimeSeconds)}</Text>
            <Text size="sm" c="dimmed">
              Last seen {health.lastSeenAt ? dateTime(health.lastSeenAt) : 'never'}
            </Text>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm">
              Address: {router.host}:{router.port} {router.apiSsl ? '(API-SSL)' : '(API)'}
            </Text>
            <Text size="sm">API user: {router.username}</Text>
            <Text size="sm">POP: {router.pop?.name ?? '—'}</Text>
            <Button component={Link} to={urls.subscribers({ router: id })} variant="subtle" size="xs" w="fit-content">
              Subscribers on this router
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
      <RouterHistory routerId={id} />
      <BackupsPanel routerId={id} />
      <ConfirmDialog
        opened={confirmDelete}
        title={`Delete ${router.name}?`}
        consequence="The router is forgotten; nothing on it is changed. Routers with subscribers cannot be deleted."
        confirmLabel="Delete"
        busy={running}
        onClose={() => setConfirmDelete(false)}
        onConfirm={async () => {
          const outcome = await run('Delete router', () => deleteRouter({ input: { id } }), (data) => data.deleteRouter.errors, 'Deleted.');
          if (outcome.ok) navigate(urls.routers());
          else setConfirmDelete(false);
        }}
      />
    </Page>
  );
}

function ImportSummary({ id }: { id: string }) {
  const [result] = useQuery({ query: RouterImportQuery, variables: { id }, requestPolicy: 'network-only' });
  const summary = result.data?.routerImport;
  if (!summary) return null;
  return (
    <Text size="sm">
      {summary.subscribersCreated} subscribers created, {summary.alreadyManaged} already managed,{' '}
      {summary.createdPlans.length} plans created, {summary.skipped.length} skipped.
    </Text>
  );
}
