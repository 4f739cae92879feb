import { useMutation } from 'urql';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useAction } from '../hooks/useAction';
import { KickSession } from './documents';
import type { LiveRow } from './liveSessions';

/** Kicking ends a customer's connection: the dialog says what happens before anything does. */
export function KickDialog({ session, routerName, onClose }: { session: LiveRow; routerName: string; onClose: () => void }) {
  const [, disconnect] = useMutation(KickSession);
  const { run, running } = useAction();
  return (
    <ConfirmDialog
      title={`Kick ${session.username}?`}
      consequence={`The session ends on ${routerName} now and the kick is recorded in the command log with your name. The subscriber may dial in again unless disabled.`}
      confirmLabel="Kick"
      busy={running}
      onClose={onClose}
      onConfirm={async () => {
        const outcome = await run(
          'Kick session',
          () => disconnect({ input: { sessionId: session.id } }),
          (data) => data.disconnectSession.errors,
          `${session.username} is being disconnected.`,
        );
        if (outcome.ok) onClose();
      }}
    />
  );
}
