import { useState } from 'react';
import { Badge, Button, Card, Chip, CloseButton, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import type { LifecyclePolicyQuery as PolicyResult, SuspensionMode, Weekday } from '../gql/graphql';
import { LifecyclePolicyQuery, SetLifecyclePolicy } from './documents';
import { toPolicyInput, validatePolicy, type PolicyDraft } from './policyForm';

const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function draftOf(policy: PolicyResult['lifecyclePolicy']): PolicyDraft {
  return {
    enabled: policy.enabled,
    noticeDays: policy.noticeDays.join(', '),
    graceDays: policy.graceDays,
    gracePlanId: policy.gracePlan?.id ?? '',
    suspensionMode: policy.suspensionMode,
    suspendedPlanId: policy.suspendedPlan?.id ?? '',
    actionHour: policy.actionHour,
    timeZone: policy.timeZone,
    skipWeekdays: policy.skipWeekdays,
    skipDates: policy.skipDates,
  };
}

/** The tenant's lifecycle policy: notices before the expiry, grace, suspension, when steps happen and when not. */
export function PolicyEditor() {
  const [result, reexecute] = useQuery({ query: LifecyclePolicyQuery });
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const plans = result.data.plans.edges.map(({ node }) => ({ value: node.id, label: node.name }));
  return <PolicyForm initial={draftOf(result.data.lifecyclePolicy)} plans={plans} />;
}

function PolicyForm({ initial, plans }: { initial: PolicyDraft; plans: { value: string; label: string }[] }) {
  const [draft, setDraft] = useState(initial);
  const [newDate, setNewDate] = useState('');
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const [, save] = useMutation(SetLifecyclePolicy);
  const { run, running } = useAction();
  const errors = touched ? { ...serverErrors, ...validatePolicy(draft) } : serverErrors;
  const change = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setServerErrors((current) => ({ ...current, [key]: '' }));
  };
  const number = (value: string | number): number | '' => (value === '' ? '' : Number(value));
  return (
    <Card withBorder maw={760}>
      <Stack>
        <Switch
          label="Walk subscribers from notices to grace to suspension"
          description="Off: nothing changes by itself; expiries are only recorded."
          checked={draft.enabled}
          onChange={(event) => change('enabled', event.currentTarget.checked)}
        />
        <TextInput
          label="Notices (days before the expiry)"
          description="e.g. 7, 3, 1 — one notice on each of these days"
          value={draft.noticeDays}
          onChange={(event) => change('noticeDays', event.currentTarget.value)}
          error={errors.noticeDays || undefined}
        />
        <Group grow align="flex-start">
          <NumberInput clampBehavior="none" label="Grace days" description="On the grace plan after the expiry; 0 suspends at once" min={0} max={90} value={draft.graceDays} onChange={(value) => change('graceDays', number(value))} error={errors.graceDays || undefined} />
          <Select label="Grace plan" placeholder="No grace plan" clearable data={plans} value={draft.gracePlanId || null} onChange={(value) => change('gracePlanId', value ?? '')} error={errors.gracePlanId || undefined} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Suspension"
            data={[
              { value: 'DISABLE_SECRET', label: 'Disable the PPP secret and end the session' },
              { value: 'SUSPENDED_PLAN', label: 'Move to the suspended plan (captive portal)' },
            ]}
            value={draft.suspensionMode}
            onChange={(value) => value && change('suspensionMode', value as SuspensionMode)}
          />
          {draft.suspensionMode === 'SUSPENDED_PLAN' && (
            <Select label="Suspended plan" data={plans} value={draft.suspendedPlanId || null} onChange={(value) => change('suspendedPlanId', value ?? '')} error={errors.suspendedPlanId || undefined} />
          )}
        </Group>
        <Group grow align="flex-start">
          <NumberInput clampBehavior="none" label="Send hour" description="Hour of day (0–23) steps and notices happen" min={0} max={23} value={draft.actionHour} onChange={(value) => change('actionHour', number(value))} error={errors.actionHour || undefined} />
          <TextInput label="Time zone" description="IANA name" value={draft.timeZone} onChange={(event) => change('timeZone', event.currentTarget.value)} error={errors.timeZone || undefined} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            No steps on
          </Text>
          <Chip.Group multiple value={draft.skipWeekdays} onChange={(value) => change('skipWeekdays', value as Weekday[])}>
            <Group gap={6}>
              {WEEKDAYS.map((day) => (
                <Chip key={day} value={day} size="xs">
                  {day.slice(0, 1) + day.slice(1, 3).toLowerCase()}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <Stack gap={4}>
          <Group align="flex-end" gap="xs">
            <TextInput label="Skip dates" placeholder="YYYY-MM-DD" value={newDate} onChange={(event) => setNewDate(event.currentTarget.value)} error={errors.skipDates || undefined} w={220} />
            <Button
              variant="default"
              disabled={!newDate.trim()}
              onClick={() => {
                change('skipDates', [...draft.skipDates, newDate.trim()]);
                setNewDate('');
                setTouched(true);
              }}
            >
              Add date
            </Button>
          </Group>
          <Group gap={6}>
            {draft.skipDates.map((date) => (
              <Badge key={date} variant="light" rightSection={<CloseButton size="xs" aria-label={`Remove ${date}`} onClick={() => change('skipDates', draft.skipDates.filter((d) => d !== date))} />}>
                {date}
              </Badge>
            ))}
          </Group>
        </Stack>
        {errors._form && (
          <Text size="sm" c="red" role="alert">
            {errors._form}
          </Text>
        )}
        <Group>
          <Button
            loading={running}
            onClick={async () => {
              setTouched(true);
              if (Object.keys(validatePolicy(draft)).length) return;
              const outcome = await run('Save lifecycle policy', () => save({ input: toPolicyInput(draft) }), (d) => d.setLifecyclePolicy.errors, 'Saved.');
              if (!outcome.ok) setServerErrors(fieldErrors(outcome.fieldErrors));
            }}
          >
            Save policy
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
