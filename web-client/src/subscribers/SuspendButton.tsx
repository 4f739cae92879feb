import { useState } from 'react';
import { Button } from '@mantine/core';
import { ConfirmDialog } from '../components/ConfirmDialog';

/**
 * Suspend with a confirmation step: one click must not cut a paying subscriber off. The dialog says what a manual
 * suspension does (status SUSPENDED: the PPPoE secret disabled, the session ended, ADR 0078) before `onSuspend` runs.
 */
export function SuspendButton({ username, running, onSuspend }: { username: string; running: boolean; onSuspend: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="orange" variant="light" loading={running} onClick={() => setOpen(true)}>
        Suspend
      </Button>
      <ConfirmDialog
        opened={open}
        title={`Suspend ${username}?`}
        consequenceTitle={`${username} loses service`}
        consequence="Their PPPoE secret is disabled on the router and their current session is ended at once; they cannot connect again until they are restored. Restore brings them back on their plan."
        confirmLabel={`Suspend ${username}`}
        tone="caution"
        busy={running}
        onClose={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onSuspend();
        }}
      />
    </>
  );
}
