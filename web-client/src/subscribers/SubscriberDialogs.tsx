import { useState } from 'react';
import { Button, Code, CopyButton, Group, Modal, PasswordInput, Select, Text } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { useAction } from '../hooks/useAction';
import { useDraft } from '../hooks/useDraft';
import { fieldErrors } from '../api/errors';
import {
  ChangeSubscriberPassword,
  ChangeSubscriberPlan,
  ChoicesQuery,
  MoveSubscriber,
  RevealPassword,
  UpdateSubscriber,
} from './documents';
import { EMPTY_SUBSCRIBER, optional, SubscriberForm, validateSubscriber } from './SubscriberForm';

// The subscriber page's dialogs for changing the record (moved out of SubscriberView unchanged).

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

export function EditDialog({ id, subscriber, onClose }: DialogProps & { subscriber: NonNullable<Partial<Record<string, unknown>>> }) {
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

export function PlanDialog({ id, current, onClose, onOperation }: DialogProps & { current: string }) {
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

export function PasswordDialog({ id, onClose, onOperation }: DialogProps) {
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

export function MoveDialog({ id, current, onClose, onOperation }: DialogProps & { current: string }) {
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
export function RevealDialog({ id, username, onClose }: DialogProps & { username: string }) {
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
