import { useMemo, useState } from 'react';
import { Button, Group, Modal, NumberInput, Text, TextInput } from '@mantine/core';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import { useAction } from '../hooks/useAction';
import { ExtendSubscription, PostponeSuspension } from './sectionDocuments';

interface Props {
  subscriberId: string;
  onClose: () => void;
  onDone: () => void;
}

/** Extends by days; one key per opened dialog, so a retried click cannot extend twice. */
export function ExtendDialog({ subscriberId, onClose, onDone }: Props) {
  const [days, setDays] = useState<number | string>(30);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useMemo(() => crypto.randomUUID(), []);
  const [, extend] = useMutation(ExtendSubscription);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="Extend subscription">
      <Text size="sm" mb="sm">
        From the current expiry, or from today when it has passed. A subscriber in grace or suspended is restored at once.
      </Text>
      <NumberInput label="Days" min={1} max={3650} value={days} onChange={setDays} error={errors.days} data-autofocus />
      <Group justify="flex-end" mt="md">
        <Button
          loading={running}
          disabled={!Number(days)}
          onClick={async () => {
            const outcome = await run(
              'Extend subscription',
              () => extend({ input: { subscriberId, days: Number(days), idempotencyKey: key } }),
              (data) => data.extendSubscription.errors,
              'Extended.',
            );
            setErrors(fieldErrors(outcome.fieldErrors));
            if (outcome.ok) onDone();
          }}
        >
          Extend
        </Button>
      </Group>
    </Modal>
  );
}

/** "Promise to pay": no suspension until the end of a day, with the reason on the timeline. */
export function PostponeDialog({ subscriberId, onClose, onDone }: Props) {
  const [until, setUntil] = useState(() => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, postpone] = useMutation(PostponeSuspension);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title="Postpone suspension">
      <TextInput label="Until (end of day)" type="date" value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={errors.until} />
      <TextInput label="Reason" mt="sm" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-autofocus />
      <Group justify="flex-end" mt="md">
        <Button
          loading={running}
          disabled={!until || !reason.trim()}
          onClick={async () => {
            const outcome = await run(
              'Postpone suspension',
              () => postpone({ input: { subscriberId, until, reason: reason.trim() } }),
              (data) => data.postponeSuspension.errors,
              `No suspension before the end of ${until}.`,
            );
            setErrors(fieldErrors(outcome.fieldErrors));
            if (outcome.ok) onDone();
          }}
        >
          Postpone
        </Button>
      </Group>
    </Modal>
  );
}
