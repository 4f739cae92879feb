import { useState } from 'react';
import { Button, Card, Code, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, CopyButton } from '@mantine/core';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type OperationResult } from 'urql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { OperationProgress } from '../operations/OperationProgress';
import { Can } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { useDraft } from '../hooks/useDraft';
import { fieldErrors, type FieldProblem } from '../api/errors';
import { urls } from '../urls';
import {
  ChangeSubscriberPassword,
  ChangeSubscriberPlan,
  ChoicesQuery,
  DeleteSubscriber,
  DisableSubscriber,
  EnableSubscriber,
  MoveSubscriber,
  RevealPassword,
  SubscriberQuery,
  SuspendSubscriber,
  UpdateSubscriber,
} from './documents';
import { EMPTY_SUBSCRIBER, optional, SubscriberForm, validateSubscriber } from './SubscriberForm';

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
            <Button loading={running} onClick={() => void state('Enable', `${subscriber.username} can connect again.`, enable)}>
              Enable
            </Button>
          )}
          {subscriber.status !== 'SUSPENDED' && (
            <Button
              color="orange"
              variant="light"
              loading={running}
              onClick={() => void state('Suspend', `${subscriber.username} is suspended and disconnected.`, suspend)}
            >
              Suspend
            </Button>
          )}
          {subscriber.status !== 'DISABLED' && (
            <Button
              variant="default"
              loading={running}
              onClick={() => void state('Disable', `${subscriber.username} is disabled and disconnected.`, disable)}
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
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Group gap="xs">
              <Text fw={500}>Status</Text>
              <StatusBadge value={subscriber.status} />
              <Text fw={500}>On router</Text>
              <StatusBadge value={subscriber.syncState} />
            </Group>
            <Field label="Plan" value={subscriber.plan.name} />
            <Field label="Router" value={subscriber.router.name} />
            <Field label="Full name" value={subscriber.fullName} />
            <Field label="E-mail" value={subscriber.email} />
            <Field label="Phone" value={subscriber.phone} />
            <Field label="Address" value={subscriber.address} />
            <Field label="Expires on" value={subscriber.expiresOn} />
            <Field label="Notes" value={subscriber.notes} />
          </Stack>
        </Card>
        <Card withBorder>
          {operationToShow ? (
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
          ) : (
            <Text size="sm" c="dimmed">
              The router holds this subscriber's latest state.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      {dialog === 'edit' && <EditDialog id={id} subscriber={subscriber} onClose={() => setDialog(null)} />}
      {dialog === 'plan' && (
        <PlanDialog id={id} current={subscriber.plan.id} onClose={() => setDialog(null)} onOperation={setOperationId} />
      )}
      {dialog === 'password' && <PasswordDialog id={id} onClose={() => setDialog(null)} onOperation={setOperationId} />}
      {dialog === 'move' && (
        <MoveDialog id={id} current={subscriber.router.id} onClose={() => setDialog(null)} onOperation={setOperationId} />
      )}
      {dialog === 'reveal' && <RevealDialog id={id} username={subscriber.username} onClose={() => setDialog(null)} />}
      <Modal opened={dialog === 'delete'} onClose={() => setDialog(null)} title={`Delete ${subscriber.username}?`}>
        <Text size="sm">Its PPPoE secret is removed from the router, then the record. This cannot be undone.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDialog(null)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={running}
            onClick={async () => {
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
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Page>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" w={110}>
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Group>
  );
}

interface DialogProps {
  id: string;
  onClose: () => void;
  onOperation?: (id: string) => void;
}

function useChoices() {
  const [choices] = useQuery({ query: ChoicesQuery });
  return {
    plans: choices.data?.plans.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [],
    routers: choices.data?.routers.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [],
  };
}

function EditDialog({ id, subscriber, onClose }: DialogProps & { subscriber: NonNullable<Partial<Record<string, unknown>>> }) {
  const s = subscriber as Record<string, string | null>;
  const [values, update, clear] = useDraft(`subscriber-edit-${id}`, {
    ...EMPTY_SUBSCRIBER,
    fullName: s.fullName ?? '',
    email: s.email ?? '',
    phone: s.phone ?? '',
    address: s.address ?? '',
    expiresOn: s.expiresOn ?? '',
    notes: s.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, save] = useMutation(UpdateSubscriber);
  const { run, running } = useAction();
  const submit = async () => {
    const local = validateSubscriber(values, true);
    setErrors(local);
    if (Object.keys(local).length) return;
    const outcome = await run(
      'Save subscriber',
      () =>
        save({
          input: {
            id,
            fullName: optional(values.fullName),
            email: optional(values.email),
            phone: optional(values.phone),
            address: optional(values.address),
            expiresOn: optional(values.expiresOn),
            notes: optional(values.notes),
          },
        }),
      (data) => data.updateSubscriber.errors,
      'Saved.',
    );
    setErrors(fieldErrors(outcome.fieldErrors));
    if (outcome.ok) {
      clear();
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title="Edit subscriber" size="lg">
      <SubscriberForm
        values={values}
        onChange={update}
        onSubmit={() => void submit()}
        plans={[]}
        routers={[]}
        errors={errors}
        submitting={running}
        editing
      />
    </Modal>
  );
}

function PlanDialog({ id, current, onClose, onOperation }: DialogProps & { current: string }) {
  const { plans } = useChoices();
  const [planId, setPlanId] = useState<string | null>(current);
  const [, change] = useMutation(ChangeSubscriberPlan);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="Change plan">
      <Select label="Plan" data={plans} value={planId} onChange={setPlanId} searchable data-autofocus />
      <Group justify="flex-end" mt="md">
        <Button
          loading={running}
          disabled={!planId || planId === current}
          onClick={async () => {
            const outcome = await run(
              'Change plan',
              () => change({ input: { id, planId: planId ?? '' } }),
              (data) => data.changeSubscriberPlan.errors,
              'The new plan is on its way to the router.',
            );
            const operation = outcome.data?.changeSubscriberPlan.operation;
            if (operation) onOperation?.(operation.id);
            if (outcome.ok) onClose();
          }}
        >
          Change plan
        </Button>
      </Group>
    </Modal>
  );
}

function PasswordDialog({ id, onClose, onOperation }: DialogProps) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [, change] = useMutation(ChangeSubscriberPassword);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="Change PPPoE password">
      <PasswordInput
        label="New password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={error}
        autoComplete="new-password"
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button
          loading={running}
          disabled={!password}
          onClick={async () => {
            const outcome = await run(
              'Change password',
              () => change({ input: { id, password } }),
              (data) => data.changeSubscriberPassword.errors,
              'The new password is on its way to the router.',
            );
            setError(fieldErrors(outcome.fieldErrors).password);
            const operation = outcome.data?.changeSubscriberPassword.operation;
            if (operation) onOperation?.(operation.id);
            if (outcome.ok) onClose();
          }}
        >
          Change password
        </Button>
      </Group>
    </Modal>
  );
}

function MoveDialog({ id, current, onClose, onOperation }: DialogProps & { current: string }) {
  const { routers } = useChoices();
  const [routerId, setRouterId] = useState<string | null>(current);
  const [, move] = useMutation(MoveSubscriber);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="Move to another router">
      <Select label="Router" data={routers} value={routerId} onChange={setRouterId} searchable data-autofocus />
      <Group justify="flex-end" mt="md">
        <Button
          loading={running}
          disabled={!routerId || routerId === current}
          onClick={async () => {
            const outcome = await run(
              'Move subscriber',
              () => move({ input: { id, routerId } }),
              (data) => data.moveSubscriber.errors,
              'The subscriber is moving to the new router.',
            );
            const operation = outcome.data?.moveSubscriber.operation;
            if (operation) onOperation?.(operation.id);
            if (outcome.ok) onClose();
          }}
        >
          Move
        </Button>
      </Group>
    </Modal>
  );
}

/** Reveal is recorded in the command audit log with who asked: the dialog says so before anything is shown. */
function RevealDialog({ id, username, onClose }: DialogProps & { username: string }) {
  const [password, setPassword] = useState<string | null>(null);
  const [, reveal] = useMutation(RevealPassword);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title={`Reveal ${username}'s password?`}>
      {password === null ? (
        <>
          <Text size="sm">Revealing the PPPoE password is recorded in the command log with your name.</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              loading={running}
              onClick={async () => {
                const outcome = await run(
                  'Reveal password',
                  () => reveal({ input: { id } }),
                  (data) => data.revealSubscriberPassword.errors,
                  'Revealed and recorded in the command log.',
                );
                setPassword(outcome.data?.revealSubscriberPassword.password ?? null);
              }}
            >
              Reveal and record
            </Button>
          </Group>
        </>
      ) : (
        <Group>
          <Code fz="md" aria-label="Password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
    </Modal>
  );
}
