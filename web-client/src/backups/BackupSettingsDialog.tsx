import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import type { BackupSettingsFieldsFragment } from '../gql/graphql';
import { useAction } from '../hooks/useAction';
import { SetBackupSettings } from './documents';

type Settings = Omit<BackupSettingsFieldsFragment, '__typename'>;

function number(value: string | number): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * The tenant's backup schedule and retention (`setBackupSettings`, tenant admins). They apply to every router; the
 * limits are the API's, whose VALIDATION_FAILED errors are shown on their fields.
 */
export function BackupSettingsDialog({ settings, onClose, onSaved }: { settings: Settings; onClose: () => void; onSaved: () => void }) {
  const [draft, setDraft] = useState<Settings>({
    enabled: settings.enabled,
    intervalMinutes: settings.intervalMinutes,
    keepLast: settings.keepLast,
    keepDays: settings.keepDays,
    includeSensitive: settings.includeSensitive,
    binary: settings.binary,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, save] = useMutation(SetBackupSettings);
  const { run, running } = useAction();
  const change = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = async () => {
    const outcome = await run('Backup schedule', () => save({ input: draft }), (d) => d.setBackupSettings.errors, 'Backup schedule saved.');
    setErrors(fieldErrors(outcome.fieldErrors));
    if (outcome.ok) onSaved();
  };
  return (
    <Modal opened onClose={onClose} title="Scheduled backups">
      <Stack>
        <Text size="sm" c="dimmed">
          For every router of your account, not only this one.
        </Text>
        <Switch
          label="Back up every router on schedule"
          checked={draft.enabled}
          onChange={(event) => change('enabled', event.currentTarget.checked)}
        />
        <NumberInput
          label="Every (hours)"
          description="From a quarter of an hour to 31 days (744 hours)"
          decimalScale={2}
          clampBehavior="none"
          value={draft.intervalMinutes / 60}
          onChange={(value) => change('intervalMinutes', Math.round(number(value) * 60))}
          error={errors.intervalMinutes}
        />
        <NumberInput
          label="Keep the last"
          description="Backups of each kind per router, whatever their age"
          clampBehavior="none"
          allowDecimal={false}
          value={draft.keepLast}
          onChange={(value) => change('keepLast', number(value))}
          error={errors.keepLast}
        />
        <NumberInput
          label="Keep older ones for (days)"
          clampBehavior="none"
          allowDecimal={false}
          value={draft.keepDays}
          onChange={(value) => change('keepDays', number(value))}
          error={errors.keepDays}
        />
        <Switch
          label="Take a binary backup with each export"
          checked={draft.binary}
          onChange={(event) => change('binary', event.currentTarget.checked)}
        />
        <Switch
          label="Include passwords and keys in exports (stored encrypted)"
          checked={draft.includeSensitive}
          onChange={(event) => change('includeSensitive', event.currentTarget.checked)}
        />
        {errors._form && (
          <Text size="sm" c="red">
            {errors._form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={running} onClick={() => void submit()}>
            Save schedule
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
