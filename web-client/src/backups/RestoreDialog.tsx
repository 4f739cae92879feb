import { useState } from 'react';
import { Text, TextInput } from '@mantine/core';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useMutation } from 'urql';
import { useAction } from '../hooks/useAction';
import { RestoreBackup } from './documents';
import { dateTime } from '../format/time';

export interface RestorableBackup {
  id: string;
  kind: 'EXPORT' | 'BINARY';
  takenAt: string;
}

/**
 * The explicit confirmation of a restore: it says what happens to the router (a binary backup reboots it) and goes
 * ahead only once the router's name is typed as the API asks (`RESTORE <router name>`).
 */
export function RestoreDialog({
  routerName,
  backup,
  onClose,
  onStarted,
}: {
  routerName: string;
  backup: RestorableBackup;
  onClose: () => void;
  onStarted: (operationId: string) => void;
}) {
  const expected = `RESTORE ${routerName}`;
  const [typed, setTyped] = useState('');
  const [, restore] = useMutation(RestoreBackup);
  const { run, running } = useAction();
  return (
    <ConfirmDialog
      title={`Restore ${routerName}?`}
      consequenceTitle={backup.kind === 'BINARY' ? 'The router reboots' : 'The configuration is imported on the running router'}
      consequence={
        <>
          <Text size="sm">
            {backup.kind === 'BINARY'
              ? `${routerName} downloads the backup of ${dateTime(backup.takenAt)}, loads it and reboots: every subscriber on it is disconnected until it is back.`
              : `${routerName} downloads the export of ${dateTime(backup.takenAt)} and imports it without a reboot. An export is meant for a reset router: RouterOS stops at the first line that fails, and sessions can drop while it runs.`}
          </Text>
          <Text size="sm" mt="xs">
            Its current configuration is replaced. Health and drift are checked once it answers again.
          </Text>
        </>
      }
      confirmLabel={backup.kind === 'BINARY' ? 'Restore and reboot' : 'Restore'}
      busy={running}
      confirmDisabled={typed !== expected}
      onClose={onClose}
      onConfirm={async () => {
        const outcome = await run(
          'Restore backup',
          () => restore({ input: { backupId: backup.id, confirmation: typed } }),
          (d) => d.restoreBackup.errors,
          backup.kind === 'BINARY' ? 'Restore started: the router reboots.' : 'Restore started.',
        );
        const operation = outcome.data?.restoreBackup.operation;
        if (operation) onStarted(operation.id);
      }}
    >
      <TextInput
        label={`Type ${expected} to go ahead`}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
    </ConfirmDialog>
  );
}
