import { useState } from 'react';
import { Alert, Button, Group, Modal, Text } from '@mantine/core';

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
      <Modal opened={open} onClose={() => setOpen(false)} title={`Suspend ${username}?`}>
        <Alert color="orange" title={`${username} loses service`}>
          <Text size="sm">
            Their PPPoE secret is disabled on the router and their current session is ended at once; they cannot connect
            again until they are restored. Restore brings them back on their plan.
          </Text>
        </Alert>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
            Cancel
          </Button>
          <Button
            color="orange"
            loading={running}
            onClick={() => {
              setOpen(false);
              onSuspend();
            }}
          >
            {`Suspend ${username}`}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
