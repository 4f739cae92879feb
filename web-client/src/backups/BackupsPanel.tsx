import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from 'urql';
import { Can, useCan } from '../auth/Me';
import { binaryBytes } from '../format/units';
import { EmptyState, QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import { OperationProgress } from '../operations/OperationProgress';
import { BackupDiffView } from './BackupDiffView';
import { BackupSettingsDialog } from './BackupSettingsDialog';
import { RouterBackupsQuery, TakeBackup } from './documents';
import { RestoreDialog, type RestorableBackup } from './RestoreDialog';
import { downloadBackup } from './download';
import { dateTime } from '../format/time';

interface Backup extends RestorableBackup {
  id: string;
  kind: 'EXPORT' | 'BINARY';
  takenAt: string;
  size: number;
  changed: boolean;
  sensitive: boolean;
  routerVersion?: string | null;
  requestedBy: string;
  downloadPath: string;
}

/** How often the schedule runs, in the largest whole unit. */
function every(minutes: number): string {
  const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return amount === 1 ? `every ${unit}` : `every ${amount} ${unit}s`;
}

/** A router's backups: take one now, compare two exports, download, restore (tenant admins, confirmed by name). */
export function BackupsPanel({ routerId }: { routerId: string }) {
  const [result, reexecute] = useQuery({ query: RouterBackupsQuery, variables: { id: routerId, first: 50 } });
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState<{ from: string; to: string } | null>(null);
  const [taking, setTaking] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [restoreOperation, setRestoreOperation] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const administers = useCan('administer');
  const [, takeBackup] = useMutation(TakeBackup);
  const { run, running } = useAction();
  const router = result.data?.router;
  if (!router) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const backups: Backup[] = router.backups.edges.map((edge) => edge.node);
  const settings = result.data?.backupSettings;
  const byId = new Map(backups.map((backup) => [backup.id, backup]));
  const compare = () => {
    // older first, whichever order they were ticked in
    const [a, b] = selected.flatMap((id) => byId.get(id) ?? []).sort((x, y) => x.takenAt.localeCompare(y.takenAt));
    if (a && b) setComparing({ from: a.id, to: b.id });
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3} size="h4">
            Backups
          </Title>
          {settings && (
            <Text size="sm" c="dimmed">
              {settings.enabled ? `Scheduled ${every(settings.intervalMinutes)}` : 'Scheduled backups are off'}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Can capability="administer">
            <Button variant="default" onClick={() => setScheduling(true)}>
              Schedule…
            </Button>
          </Can>
          <Button variant="default" disabled={selected.length !== 2} onClick={compare}>
            Compare selected
          </Button>
          <Can capability="operate">
            <Button
              loading={running}
              onClick={async () => {
                const outcome = await run('Take backup', () => takeBackup({ input: { routerId, kind: 'EXPORT' } }), (d) => d.takeBackup.errors, 'Backup started.');
                const operation = outcome.data?.takeBackup.operation;
                if (operation) setTaking(operation.id);
              }}
            >
              Take backup now
            </Button>
          </Can>
        </Group>
      </Group>
      {taking && (
        <Card withBorder>
          <OperationProgress key={taking} id={taking} label="Backup" onFinished={() => reexecute({ requestPolicy: 'network-only' })} />
        </Card>
      )}
      {restoreOperation && (
        <Card withBorder>
          <OperationProgress key={restoreOperation} id={restoreOperation} label="Restore" />
        </Card>
      )}
      {backups.length === 0 ? (
        <EmptyState title="No backups yet">
          {settings?.enabled ? (
            <Text size="sm" c="dimmed">
              Take one now, or wait for the next scheduled backup.
            </Text>
          ) : administers ? (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Take one now, or
              </Text>
              <Button size="xs" variant="light" onClick={() => setScheduling(true)}>
                Turn on scheduled backups
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Take one now, or ask a tenant admin to turn on scheduled backups.
            </Text>
          )}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <span className="sr-only">Compare</span>
              </Table.Th>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((backup) => {
              const taken = dateTime(backup.takenAt);
              return (
                <Table.Tr key={backup.id} data-testid="backup-row">
                  <Table.Td>
                    {backup.kind === 'EXPORT' && (
                      <Checkbox
                        aria-label={`Compare the export of ${taken}`}
                        checked={selected.includes(backup.id)}
                        disabled={!selected.includes(backup.id) && selected.length >= 2}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setSelected((current) => (checked ? [...current, backup.id] : current.filter((id) => id !== backup.id)));
                        }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{taken}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {backup.kind === 'EXPORT' ? 'export' : 'binary'}
                      {backup.sensitive && (
                        <Badge size="xs" color="yellow" variant="light">
                          secrets
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{binaryBytes(backup.size)}</Table.Td>
                  <Table.Td>{backup.changed ? 'changed' : 'no change'}</Table.Td>
                  <Table.Td>{backup.requestedBy}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Can capability="operate">
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() =>
                            downloadBackup(backup.downloadPath, `${router.name}-${backup.takenAt.replace(/[:.]/g, '-')}.${backup.kind === 'EXPORT' ? 'rsc' : 'backup'}`).catch(
                              (error: Error) => notifications.show({ color: 'red', title: 'Download', message: error.message }),
                            )
                          }
                        >
                          Download
                        </Button>
                      </Can>
                      <Can capability="administer">
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRestoring(backup)}>
                          Restore
                        </Button>
                      </Can>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={comparing != null} onClose={() => setComparing(null)} title="What changed" size="xl">
        {comparing && <BackupDiffView from={comparing.from} to={comparing.to} />}
      </Modal>
      {scheduling && settings && (
        <BackupSettingsDialog
          settings={settings}
          onClose={() => setScheduling(false)}
          onSaved={() => {
            setScheduling(false);
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {restoring && (
        <RestoreDialog
          routerName={router.name}
          backup={restoring}
          onClose={() => setRestoring(null)}
          onStarted={(operationId) => {
            setRestoring(null);
            setRestoreOperation(operationId);
          }}
        />
      )}
    </Stack>
  );
}
