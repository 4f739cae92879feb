import { useState } from 'react';
import { Button, SimpleGrid } from '@mantine/core';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type OperationResult } from 'urql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { OperationProgress } from '../operations/OperationProgress';
import { Can } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { type FieldProblem } from '../api/errors';
import { urls } from '../urls';
import { DeleteSubscriber, DisableSubscriber, EnableSubscriber, SubscriberQuery, SuspendSubscriber } from './documents';
import { EditDialog, MoveDialog, PasswordDialog, PlanDialog, RevealDialog } from './SubscriberDialogs';
import { SubscriberDetails } from './SubscriberDetails';
import { SuspendButton } from './SuspendButton';
import { CurrentSession } from './CurrentSession';
import { UsageSection } from './UsageSection';
import { LifecycleSection } from './LifecycleSection';
import { NotificationsSection } from './NotificationsSection';
import { SessionHistorySection } from './SessionHistorySection';

interface StatePayload {
  operation?: { id: string } | null;
  errors: readonly FieldProblem[];
}

type Dialog = null | 'edit' | 'plan' | 'password' | 'move' | 'reveal' | 'delete';

export default function SubscriberView() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [result, reexecute] = useQuery({ query: SubscriberQuery, variables: { id } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const location = useLocation();
  const [operationId, setOperationId] = useState<string | null>(
    (location.state as { operationId?: string | null } | null)?.operationId ?? null,
  );
  const { run, running } = useAction();
  const [, enable] = useMutation(EnableSubscriber);
  const [, disable] = useMutation(DisableSubscriber);
  const [, suspend] = useMutation(SuspendSubscriber);
  const [, remove] = useMutation(DeleteSubscriber);

  const subscriber = result.data?.subscriber;
  if (!subscriber) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const state = async (
    label: string,
    done: string,
    mutate: (variables: { input: { id: string } }) => Promise<OperationResult<Record<string, StatePayload>>>,
  ) => {
    const outcome = await run(label, () => mutate({ input: { id } }), (data) => Object.values(data)[0]?.errors ?? [], done);
    const payload = outcome.data ? Object.values(outcome.data)[0] : null;
    if (payload?.operation) {
      setOperationId(payload.operation.id);
    }
    refresh();
  };
  const operationToShow = operationId ?? subscriber.syncOperation?.id ?? null;

  return (
    <Page
      title={subscriber.username}
      actions={
        <Can capability="operate">
          {subscriber.status !== 'ACTIVE' && subscriber.status !== 'PENDING' && (
            // a suspended subscriber is restored (the lifecycle's word); a disabled one enabled
            <Button
              loading={running}
              onClick={() =>
                void (subscriber.status === 'SUSPENDED'
                  ? state('Restore', `${subscriber.username} is restored; the router lets them connect once it applies the change.`, enable)
                  : state('Enable', `${subscriber.username} is enabled; the router lets them connect once it applies the change.`, enable))
              }
            >
              {subscriber.status === 'SUSPENDED' ? 'Restore' : 'Enable'}
            </Button>
          )}
          {subscriber.status !== 'SUSPENDED' && (
            <SuspendButton
              username={subscriber.username}
              running={running}
              onSuspend={() => void state('Suspend', `${subscriber.username} is suspended; the router disconnects them once it applies the change.`, suspend)}
            />
          )}
          {subscriber.status !== 'DISABLED' && (
            <Button
              variant="default"
              loading={running}
              onClick={() => void state('Disable', `${subscriber.username} is disabled; the router disconnects them once it applies the change.`, disable)}
            >
              Disable
            </Button>
          )}
          <Button variant="default" onClick={() => setDialog('edit')}>
            Edit
          </Button>
          <Button variant="default" onClick={() => setDialog('plan')}>
            Change plan
          </Button>
          <Button variant="default" onClick={() => setDialog('password')}>
            Change password
          </Button>
          <Button variant="default" onClick={() => setDialog('move')}>
            Move
          </Button>
          <Button variant="default" onClick={() => setDialog('reveal')}>
            Reveal password
          </Button>
          <Button color="red" variant="light" onClick={() => setDialog('delete')}>
            Delete
          </Button>
        </Can>
      }
    >
      {/* the details, closed by the latest change, beside the live session; a half-width card of its own left the
          change a line of progress over empty space */}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SubscriberDetails subscriber={subscriber}>
          {operationToShow && (
            <OperationProgress
              key={operationToShow}
              id={operationToShow}
              label="Latest change"
              onFinished={() => {
                // keep showing the finished operation: once in sync the subscriber no longer names it
                setOperationId(operationToShow);
                refresh();
              }}
            />
          )}
        </SubscriberDetails>
        <CurrentSession subscriberId={id} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <UsageSection subscriberId={id} />
        <LifecycleSection subscriberId={id} />
      </SimpleGrid>
      <NotificationsSection subscriberId={id} />
      <SessionHistorySection subscriberId={id} />
      {dialog === 'edit' && <EditDialog id={id} subscriber={subscriber} onClose={() => setDialog(null)} />}
      {dialog === 'plan' && (
        <PlanDialog id={id} current={subscriber.plan.id} onClose={() => setDialog(null)} onOperation={setOperationId} />
      )}
      {dialog === 'password' && <PasswordDialog id={id} onClose={() => setDialog(null)} onOperation={setOperationId} />}
      {dialog === 'move' && (
        <MoveDialog id={id} current={subscriber.router.id} onClose={() => setDialog(null)} onOperation={setOperationId} />
      )}
      {dialog === 'reveal' && <RevealDialog id={id} username={subscriber.username} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={`Delete ${subscriber.username}?`}
        consequence="Its PPPoE secret is removed from the router, then the record. This cannot be undone."
        confirmLabel="Delete"
        busy={running}
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          const outcome = await run(
            'Delete subscriber',
            () => remove({ input: { id } }),
            (data) => data.deleteSubscriber.errors,
            `${subscriber.username} is being removed from the router.`,
          );
          if (outcome.ok) {
            navigate(urls.subscribers());
          }
        }}
      />
    </Page>
  );
}

